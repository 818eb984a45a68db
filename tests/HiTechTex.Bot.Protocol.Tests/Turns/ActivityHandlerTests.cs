using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class ActivityHandlerTests
{
    [Fact]
    public async Task OnTurnAsync_Message_CallsOnMessage()
    {
        var (handler, _) = await RunAsync(TestActivities.Message("hi"));

        Assert.Equal(["message"], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_MessageWithObjectValue_IsCardSubmitWithCardMessageId()
    {
        var activity = TestActivities.Message(text: null);
        activity.Value = TestActivities.Json("""{"verb":"apply","city":"Porto"}""");
        activity.ReplyToId = "card-msg-1";

        var (handler, _) = await RunAsync(activity);

        Assert.Equal(["cardSubmit"], handler.Calls);
        Assert.Equal("card-msg-1", handler.Submission?.CardMessageId);
        Assert.Equal("Porto", handler.Submission?.Data.GetProperty("city").GetString());
    }

    [Fact]
    public async Task OnTurnAsync_CardSubmitNotOverridden_FallsBackToOnMessage()
    {
        var activity = TestActivities.Message(text: null);
        activity.Value = TestActivities.Json("""{"a":1}""");
        var handler = new MessageOnlyHandler();

        await handler.OnTurnAsync(new TurnContext(activity, new RecordingConnectorClient()), CancellationToken.None);

        Assert.True(handler.MessageSeen);
    }

    [Fact]
    public async Task OnTurnAsync_MembersAddedWithBot_ReportsMembersAndBotIsRecognised()
    {
        var activity = TestActivities.Of(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = "29:user-1" }, new ChannelAccount { Id = TestActivities.BotId }]);

        var (handler, _) = await RunAsync(activity);

        Assert.Equal(["membersAdded"], handler.Calls);
        Assert.Equal([false, true], handler.Members.Select(activity.IsBot));
    }

    [Fact]
    public async Task OnTurnAsync_MembersRemoved_CallsOnMembersRemoved()
    {
        var activity = TestActivities.Of(ActivityTypes.ConversationUpdate, a => a.MembersRemoved = [new ChannelAccount { Id = TestActivities.BotId }]);

        var (handler, _) = await RunAsync(activity);

        Assert.Equal(["membersRemoved"], handler.Calls);
        Assert.True(activity.IsBotRemoved());
    }

    [Theory]
    [InlineData("teamHardDeleted", true)]
    [InlineData("TeamHardDeleted", true)]
    [InlineData("teamDeleted", false)]   // soft: the team can be restored
    [InlineData("teamRenamed", false)]
    public void IsBotUninstalled_APermanentlyDeletedTeamCounts(string eventType, bool expected)
    {
        var activity = TestActivities.Of(ActivityTypes.ConversationUpdate, a =>
            a.ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new { eventType, team = new { id = "19:general@thread.tacv2" } }));

        Assert.Equal(expected, activity.IsBotUninstalled());
        Assert.Equal(expected, activity.IsTeamHardDeleted());
    }

    [Theory]
    [InlineData("add", "installAdd")]
    [InlineData("add-upgrade", "installAdd")]
    [InlineData("remove", "installRemove")]
    [InlineData("remove-upgrade", "installRemove")]
    public async Task OnTurnAsync_InstallationUpdate_RoutesOnAction(string action, string expected)
    {
        var (handler, _) = await RunAsync(TestActivities.Of(ActivityTypes.InstallationUpdate, a => a.Action = action));

        Assert.Equal([expected], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_Event_CallsOnEvent()
    {
        var (handler, _) = await RunAsync(TestActivities.Of(ActivityTypes.Event, a => a.Name = "application/vnd.microsoft.meetingStart"));

        Assert.Equal(["event"], handler.Calls);
    }

    [Theory]
    [InlineData("someTypeInventedNextYear", null, null)]
    [InlineData(ActivityTypes.ConversationUpdate, null, """{"eventType":"teamArchivedForever"}""")]
    [InlineData(ActivityTypes.InstallationUpdate, null, null)]
    [InlineData(ActivityTypes.Event, "application/vnd.unknown", null)]
    [InlineData(ActivityTypes.MessageReaction, null, null)]
    public async Task OnTurnAsync_UnknownTypesAndEvents_DoNotThrow(string type, string? name, string? channelData)
    {
        var activity = TestActivities.Of(type, a =>
        {
            a.Name = name;
            a.ChannelData = channelData is null ? null : TestActivities.Json(channelData);
        });
        var handler = new MessageOnlyHandler();
        var context = new TurnContext(activity, new RecordingConnectorClient());

        var exception = await Record.ExceptionAsync(() => handler.OnTurnAsync(context, CancellationToken.None));

        Assert.Null(exception);
        Assert.Null(context.InvokeResponse);
    }

    [Fact]
    public async Task OnTurnAsync_UnknownInvokeName_Answers501()
    {
        var (_, context) = await RunAsync(TestActivities.Of(ActivityTypes.Invoke, a => a.Name = "task/fetch"));

        Assert.Equal(501, context.InvokeResponse?.Status);
        Assert.Null(context.InvokeResponse?.Body);
    }

    [Fact]
    public async Task OnTurnAsync_AdaptiveCardActionWithoutAction_Answers200WithBadRequestBody()
    {
        var (handler, context) = await RunAsync(CardAction("""{"trigger":"manual"}"""));

        var body = AssertCardResponse(context, 400);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, body.Type);
        Assert.Equal("BadRequest", body.Value?.GetProperty("code").GetString());
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_AdaptiveCardActionNotExecute_Answers200WithNotSupportedBody()
    {
        var (handler, context) = await RunAsync(CardAction("""{"action":{"type":"Action.Submit","data":{}}}"""));

        var body = AssertCardResponse(context, 400);
        Assert.Equal(AdaptiveCardInvokeResponse.ErrorType, body.Type);
        Assert.Equal("NotSupported", body.Value?.GetProperty("code").GetString());
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_AdaptiveCardActionExecute_Answers200WithHandlerCard()
    {
        var (handler, context) = await RunAsync(CardAction("""{"action":{"type":"Action.Execute","verb":"approve","data":{"id":7}},"trigger":"manual"}"""));

        var body = AssertCardResponse(context, 200);
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, body.Type);
        Assert.Equal(["cardAction:approve"], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_AdaptiveCardActionNotOverridden_Answers501()
    {
        var handler = new MessageOnlyHandler();
        var context = new TurnContext(CardAction("""{"action":{"type":"Action.Execute","verb":"x"}}"""), new RecordingConnectorClient());

        await handler.OnTurnAsync(context, CancellationToken.None);

        Assert.Equal(501, context.InvokeResponse?.Status);
    }

    [Fact]
    public async Task OnTurnAsync_ComposeExtensionQuery_Answers200WithHandlerBody()
    {
        var activity = TestActivities.Of(ActivityTypes.Invoke, a =>
        {
            a.Name = InvokeNames.ComposeExtensionQuery;
            a.Value = TestActivities.Json("""{"commandId":"searchPartners","parameters":[{"name":"q","value":"felt"}]}""");
        });

        var (handler, context) = await RunAsync(activity);

        Assert.Equal(200, context.InvokeResponse?.Status);
        var body = Assert.IsType<JsonElement>(context.InvokeResponse?.Body);
        Assert.Equal("result", body.GetProperty("composeExtension").GetProperty("type").GetString());
        Assert.Equal(["query:searchPartners"], handler.Calls);
    }

    [Fact]
    public async Task OnTurnAsync_InvokeResponseAlreadySet_KeepsIt()
    {
        var activity = TestActivities.Of(ActivityTypes.Invoke, a => a.Name = "task/fetch");
        var context = new TurnContext(activity, new RecordingConnectorClient()) { InvokeResponse = new InvokeResponse(200) };

        await new MessageOnlyHandler().OnTurnAsync(context, CancellationToken.None);

        Assert.Equal(200, context.InvokeResponse?.Status);
    }

    private static Activity CardAction(string valueJson) => TestActivities.Of(ActivityTypes.Invoke, a =>
    {
        a.Name = InvokeNames.AdaptiveCardAction;
        a.Value = TestActivities.Json(valueJson);
    });

    private static AdaptiveCardInvokeResponse AssertCardResponse(TurnContext context, int statusCode)
    {
        Assert.Equal(200, context.InvokeResponse?.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(context.InvokeResponse?.Body);
        Assert.Equal(statusCode, body.StatusCode);
        return body;
    }

    private static async Task<(RecordingHandler Handler, TurnContext Context)> RunAsync(Activity activity)
    {
        var handler = new RecordingHandler();
        var context = new TurnContext(activity, new RecordingConnectorClient());
        await handler.OnTurnAsync(context, CancellationToken.None);
        return (handler, context);
    }

    private sealed class MessageOnlyHandler : ActivityHandler
    {
        public bool MessageSeen { get; private set; }

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            MessageSeen = true;
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingHandler : ActivityHandler
    {
        public List<string> Calls { get; } = [];

        public CardSubmission? Submission { get; private set; }

        public IReadOnlyList<ChannelAccount> Members { get; private set; } = [];

        protected override Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Add("message");

        protected override Task OnCardSubmitAsync(ITurnContext turnContext, CardSubmission submission, CancellationToken cancellationToken)
        {
            Submission = submission;
            return Add("cardSubmit");
        }

        protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Members = membersAdded;
            return Add("membersAdded");
        }

        protected override Task OnMembersRemovedAsync(IReadOnlyList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) =>
            Add("membersRemoved");

        protected override Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Add("installAdd");

        protected override Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Add("installRemove");

        protected override Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Add("event");

        protected override Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(
            ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        {
            Calls.Add("cardAction:" + invokeValue.Action?.Verb);
            return Task.FromResult(AdaptiveCardInvokeResponse.Card(TestActivities.Json("""{"type":"AdaptiveCard","version":"1.5"}""")));
        }

        protected override Task<JsonElement> OnComposeExtensionQueryAsync(ITurnContext turnContext, JsonElement query, CancellationToken cancellationToken)
        {
            Calls.Add("query:" + query.GetProperty("commandId").GetString());
            return Task.FromResult(TestActivities.Json("""{"composeExtension":{"type":"result","attachmentLayout":"list","attachments":[]}}"""));
        }

        private Task Add(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }
}
