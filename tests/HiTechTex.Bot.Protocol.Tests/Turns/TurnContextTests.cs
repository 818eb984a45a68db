using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class TurnContextTests
{
    private readonly RecordingConnectorClient connector = new();

    [Fact]
    public async Task SendActivityAsync_InboundHasId_RepliesToThatActivity()
    {
        var context = new TurnContext(TestActivities.Message(), connector);

        await context.SendActivityAsync(Activity.CreateMessage("hi"));

        var call = Assert.Single(connector.Calls);
        Assert.Equal("reply", call.Operation);
        Assert.Equal("act-1", call.ActivityId);
        Assert.Equal(TestActivities.ServiceUrl, call.ServiceUrl);
        Assert.Equal("a:conv-1", call.ConversationId);
    }

    [Fact]
    public async Task SendActivityAsync_InboundWithoutId_SendsToConversation()
    {
        var inbound = TestActivities.Message();
        inbound.Id = null;
        var context = new TurnContext(inbound, connector);

        await context.SendActivityAsync(Activity.CreateMessage("hi"));

        Assert.Equal("send", Assert.Single(connector.Calls).Operation);
    }

    [Fact]
    public async Task SendActivityAsync_OutboundLacksAddressing_FillsItFromInbound()
    {
        var context = new TurnContext(TestActivities.Message(), connector);
        var outbound = new Activity { Text = "hi", Id = "client-set-id" };

        await context.SendActivityAsync(outbound);

        Assert.Equal(ActivityTypes.Message, outbound.Type);
        Assert.Null(outbound.Id);
        Assert.Equal(TestActivities.BotId, outbound.From?.Id);
        Assert.Equal("29:user-1", outbound.Recipient?.Id);
        Assert.Equal("a:conv-1", outbound.Conversation?.Id);
        Assert.Equal(TestActivities.ServiceUrl, outbound.ServiceUrl);
        Assert.Equal("msteams", outbound.ChannelId);
        Assert.Equal("act-1", outbound.ReplyToId);
    }

    [Fact]
    public async Task SendActivityAsync_OutboundHasOwnAddressing_KeepsIt()
    {
        var context = new TurnContext(TestActivities.Message(), connector);
        var outbound = new Activity { Text = "hi", Conversation = new ConversationAccount { Id = "other" }, ReplyToId = "msg-9" };

        await context.SendActivityAsync(outbound);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("other", call.ConversationId);
        Assert.Equal("msg-9", call.ActivityId);
    }

    [Fact]
    public async Task SendActivityAsync_ExpectReplies_BuffersAndCallsNoConnector()
    {
        var inbound = TestActivities.Message();
        inbound.DeliveryMode = DeliveryModes.ExpectReplies;
        var context = new TurnContext(inbound, connector);

        await context.SendActivityAsync(Activity.CreateMessage("one"));
        await context.SendActivityAsync(Activity.CreateMessage("two"));

        Assert.Empty(connector.Calls);
        Assert.Equal(["one", "two"], context.BufferedReplies.Select(a => a.Text));
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task SendActivityAsync_Sent_SetsResponded()
    {
        var context = new TurnContext(TestActivities.Message(), connector);
        Assert.False(context.Responded);

        await context.SendActivityAsync(Activity.CreateMessage("hi"));

        Assert.True(context.Responded);
    }

    [Fact]
    public async Task OnSendActivities_HandlersRunInOrderAndMayChangeTheActivityBeforeItIsSent()
    {
        var context = new TurnContext(TestActivities.Message(), connector);
        var seen = new List<string>();
        context
            .OnSendActivities((turn, activities, next) =>
            {
                seen.Add("first:" + activities[0].Text + ":" + activities[0].Conversation?.Id);
                activities[0].Text += " (edited)";
                return next();
            })
            .OnSendActivities((turn, activities, next) =>
            {
                seen.Add("second:" + activities[0].Text);
                return next();
            });

        var response = await context.SendActivityAsync(Activity.CreateMessage("hi"));

        Assert.Equal(["first:hi:a:conv-1", "second:hi (edited)"], seen);
        var call = Assert.Single(connector.Calls);
        Assert.Equal("hi (edited)", call.Activity?.Text);
        Assert.NotNull(response);
        Assert.True(context.Responded);
    }

    [Fact]
    public async Task OnSendActivities_HandlerThatDoesNotCallNext_NothingIsSent()
    {
        var context = new TurnContext(TestActivities.Message(), connector);
        context.OnSendActivities((_, _, _) => Task.FromResult(Array.Empty<ResourceResponse?>()));

        var response = await context.SendActivityAsync(Activity.CreateMessage("hi"));

        Assert.Null(response);
        Assert.Empty(connector.Calls);
        Assert.False(context.Responded);
    }

    [Fact]
    public async Task OnSendActivities_AddedActivity_IsAddressedAndSentAfterTheOthers()
    {
        var inbound = TestActivities.Message();
        inbound.DeliveryMode = DeliveryModes.ExpectReplies;
        var context = new TurnContext(inbound, connector);
        context.OnSendActivities((_, activities, next) =>
        {
            activities.Add(Activity.CreateMessage("added"));
            return next();
        });

        await context.SendActivityAsync(Activity.CreateMessage("hi"));

        Assert.Equal(["hi", "added"], context.BufferedReplies.Select(a => a.Text));
        Assert.All(context.BufferedReplies, a => Assert.Equal("a:conv-1", a.Conversation?.Id));
    }

    [Fact]
    public async Task OnSendActivities_AddedDuringTheTurn_SeesOnlyLaterSends()
    {
        var context = new TurnContext(TestActivities.Message(), connector);
        var seen = new List<string?>();
        await context.SendActivityAsync(Activity.CreateMessage("before"));
        context.OnSendActivities((_, activities, next) =>
        {
            seen.Add(activities[0].Text);
            return next();
        });

        await context.SendActivityAsync(Activity.CreateMessage("after"));

        Assert.Equal(["after"], seen);
        Assert.Equal(2, connector.Calls.Count);
    }

    [Fact]
    public async Task UpdateActivityAsync_ActivityWithId_PutsItThroughConnector()
    {
        var context = new TurnContext(TestActivities.Message(), connector);

        await context.UpdateActivityAsync(new Activity { Id = "msg-7", Text = "new" });

        var call = Assert.Single(connector.Calls);
        Assert.Equal(("update", "msg-7"), (call.Operation, call.ActivityId));
        Assert.Null(call.Activity?.Id);
    }

    [Fact]
    public async Task UpdateActivityAsync_ActivityWithoutId_Throws()
    {
        var context = new TurnContext(TestActivities.Message(), connector);

        await Assert.ThrowsAsync<ArgumentException>(() => context.UpdateActivityAsync(new Activity { Text = "new" }));
    }

    [Fact]
    public async Task DeleteActivityAsync_Id_DeletesInTurnConversation()
    {
        var context = new TurnContext(TestActivities.Message(), connector);

        await context.DeleteActivityAsync("msg-7");

        var call = Assert.Single(connector.Calls);
        Assert.Equal(("delete", "a:conv-1", "msg-7"), (call.Operation, call.ConversationId, call.ActivityId));
    }
}
