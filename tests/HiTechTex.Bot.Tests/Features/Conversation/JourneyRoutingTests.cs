using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>The extension points features plug into: journeys, card-action handlers, compose-extension handlers.</summary>
public sealed class JourneyRoutingTests : IDisposable
{
    private readonly RecordingJourney journey = new();
    private readonly RecordingCardHandler cardHandler = new();
    private readonly ConversationTestHost host;

    public JourneyRoutingTests()
    {
        host = new ConversationTestHost(configureServices: services =>
        {
            services.AddSingleton<IJourney>(journey);
            services.AddSingleton<ICardActionHandler>(cardHandler);
            services.AddSingleton<IComposeExtensionHandler>(new EchoComposeHandler());
        });
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task OnTurnAsync_IntentOfARegisteredJourney_BeginsItWithTextAndEntities()
    {
        await host.SeedProfileAsync("en");
        var entities = IntentEntities.Empty with { Country = "IT" };
        host.Recognizer.Recognized["finishing lab in italy"] = new RecognizedIntent(Intent.FindPartners, 0.9, entities);

        await host.Flow()
            .Send("finishing lab in italy")
            .AssertReplyContains("journey started")
            .AssertNoReply()
            .StartTestAsync();

        var start = Assert.Single(journey.Starts);
        Assert.Equal(Intent.FindPartners, start.Intent);
        Assert.Equal("finishing lab in italy", start.Text);
        Assert.Equal("IT", start.Entities.Country);
        Assert.Null(start.CardAction);
    }

    [Fact]
    public async Task OnTurnAsync_CardActionClaimedByAJourney_BeginsItWithTheCardData()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => host.Submit(new { action = "partners.detail", organisationId = "org-42" }))
            .AssertReplyContains("journey started")
            .StartTestAsync();

        var start = Assert.Single(journey.Starts);
        Assert.Equal("partners.detail", start.CardAction);
        Assert.Equal("org-42", start.CardData?.GetProperty("organisationId").GetString());
        Assert.Empty(host.Recognizer.Texts);
    }

    [Theory]
    [InlineData("Partner Search")]
    [InlineData("/busca de parceiros")]
    [InlineData("  BUSCA DE PARCEIROS ")]
    public async Task OnTurnAsync_TypedCommandOfAJourney_BeginsItWithoutTheRecognizer(string typed)
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(typed)
            .AssertReplyContains("journey started")
            .StartTestAsync();

        Assert.Equal(typed.Trim(), Assert.Single(journey.Starts).Text);
        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task OnTurnAsync_JourneyIntentWithoutAJourney_StillComingSoon()
    {
        await host.SeedProfileAsync("en");
        host.Recognizer.Recognized["my sessions"] = new RecognizedIntent(Intent.MySessions, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send("my sessions")
            .AssertReplyContains("\"My sessions\" is coming soon")
            .StartTestAsync();

        Assert.Empty(journey.Starts);
    }

    [Fact]
    public async Task OnTurnAsync_ExecuteWithAHandledVerb_AnswersFromTheHandlerNotTheDialog()
    {
        await host.Flow()
            .Send(() => host.Adapter.MakeExecute("approval.approve", JsonSerializer.SerializeToElement(new { id = "x" })))
            .AssertInvokeResponse(response =>
            {
                Assert.Equal(200, response?.Status);
                Assert.Contains("handled approval.approve", JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal);
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(["approval.approve"], cardHandler.Verbs);
        Assert.Empty(journey.Starts);
    }

    [Fact]
    public async Task OnTurnAsync_ComposeExtensionQuery_AnswersFromTheCommandsHandler()
    {
        var query = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "composeExtension/query",
            Value = JsonSerializer.SerializeToElement(new { commandId = "searchPartners", parameters = new[] { new { name = "query", value = "knit" } } }),
        };

        await host.Flow()
            .Send(() => query)
            .AssertInvokeResponse(response =>
            {
                Assert.Equal(200, response?.Status);
                Assert.Contains("\"type\":\"result\"", JsonSerializer.Serialize(response?.Body), StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_ComposeExtensionQueryForUnknownCommand_501()
    {
        var query = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "composeExtension/query",
            Value = JsonSerializer.SerializeToElement(new { commandId = "nope" }),
        };

        await host.Flow()
            .Send(() => query)
            .AssertInvokeResponse(response => Assert.Equal(501, response?.Status))
            .StartTestAsync();
    }

    private sealed class RecordingJourney : IJourney
    {
        public RecordingJourney() => Dialog = new StartDialog(Starts);

        public List<JourneyStart> Starts { get; } = [];

        public Dialog Dialog { get; }

        public IReadOnlyCollection<Intent> Intents { get; } = [Intent.FindPartners];

        public IReadOnlyCollection<string> CardActions { get; } = ["partners.detail"];

        public IReadOnlyCollection<string> Commands { get; } = ["partner search", "busca de parceiros"];

        private sealed class StartDialog(List<JourneyStart> starts) : Dialog("test.journey")
        {
            public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
            {
                starts.Add(Assert.IsType<JourneyStart>(options));
                await dc.Context.SendActivityAsync("journey started", cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }
        }
    }

    private sealed class RecordingCardHandler : ICardActionHandler
    {
        public List<string> Verbs { get; } = [];

        public bool CanHandle(string verb) => verb.StartsWith("approval.", StringComparison.Ordinal);

        public Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
        {
            Verbs.Add(invokeValue.Action!.Verb!);
            return Task.FromResult(AdaptiveCardInvokeResponse.Message("handled " + invokeValue.Action.Verb));
        }
    }

    private sealed class EchoComposeHandler : IComposeExtensionHandler
    {
        public string CommandId => "searchPartners";

        public Task<JsonElement> QueryAsync(ITurnContext turnContext, JsonElement query, CancellationToken cancellationToken) =>
            Task.FromResult(JsonSerializer.SerializeToElement(new { composeExtension = new { type = "result", attachmentLayout = "list", attachments = Array.Empty<object>() } }));
    }
}
