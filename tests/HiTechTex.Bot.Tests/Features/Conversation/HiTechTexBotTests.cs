using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class HiTechTexBotTests
{
    private const string BotId = "28:bot";

    [Fact]
    public async Task OnTurnAsync_Message_RepliesWithTextAsPlain()
    {
        var replies = await RunAsync(Inbound(ActivityTypes.Message, a => a.Text = "<script>x</script> **hi**"));

        var reply = Assert.Single(replies);
        Assert.Equal("You said: <script>x</script> **hi**", reply.Text);
        Assert.Equal("plain", reply.TextFormat);
    }

    [Fact]
    public async Task OnTurnAsync_EmptyMessage_AsksForText()
    {
        var replies = await RunAsync(Inbound(ActivityTypes.Message, a => a.Text = "  "));

        Assert.Equal(ConversationTexts.EmptyMessage, Assert.Single(replies).Text);
    }

    [Fact]
    public async Task OnTurnAsync_BotAdded_WelcomesOnceInMarkdown()
    {
        var replies = await RunAsync(Inbound(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = "29:user" }, new ChannelAccount { Id = BotId }]));

        var welcome = Assert.Single(replies);
        Assert.Equal("markdown", welcome.TextFormat);
        Assert.Contains("ClusterXchange", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTurnAsync_OtherMemberAdded_SaysNothing()
    {
        var replies = await RunAsync(Inbound(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount { Id = "29:someone" }]));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task OnTurnAsync_InstallationAdd_SaysNothingBecauseMembersAddedWelcomes()
    {
        var replies = await RunAsync(Inbound(ActivityTypes.InstallationUpdate, a => a.Action = "add"));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task OnTurnAsync_CardSubmit_Acknowledges()
    {
        var replies = await RunAsync(Inbound(ActivityTypes.Message, a => a.Value = JsonSerializer.SerializeToElement(new { choice = "yes" })));

        Assert.Equal(ConversationTexts.CardReceived, Assert.Single(replies).Text);
    }

    private static async Task<IReadOnlyList<Activity>> RunAsync(Activity inbound)
    {
        inbound.DeliveryMode = DeliveryModes.ExpectReplies;
        var context = new TurnContext(inbound, Mock.Of<IConnectorClient>(MockBehavior.Strict));
        await new HiTechTexBot().OnTurnAsync(context, CancellationToken.None);
        return context.BufferedReplies;
    }

    private static Activity Inbound(string type, Action<Activity> configure)
    {
        var activity = new Activity
        {
            Type = type,
            Id = "act-1",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = BotId },
            Conversation = new ConversationAccount { Id = "a:1" },
        };
        configure(activity);
        return activity;
    }
}
