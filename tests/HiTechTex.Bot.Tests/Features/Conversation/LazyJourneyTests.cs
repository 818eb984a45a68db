using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Journeys and card-action handlers are built from the turn's scope only in a turn that needs them: a turn that
/// continues the profile dialog builds none (they bring their services, a database context among them).
/// </summary>
public sealed class LazyJourneyTests : IDisposable
{
    private int journeysBuilt;
    private int handlersBuilt;
    private readonly ConversationTestHost host;

    public LazyJourneyTests()
    {
        host = new ConversationTestHost(configureServices: services =>
        {
            services.AddScoped<IJourney>(_ =>
            {
                Interlocked.Increment(ref journeysBuilt);
                return new CountedJourney();
            });
            services.AddScoped<ICardActionHandler>(_ =>
            {
                Interlocked.Increment(ref handlersBuilt);
                throw new InvalidOperationException("no card action in these tests");
            });
        });
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task OnTurnAsync_ProfileDialogTurns_BuildNoJourneyAndNoHandler()
    {
        await host.Flow()
            .Send("hi").AssertReplyContains("?")
            .Send("yes").AssertReplyContains("?")
            .StartTestAsync();

        Assert.Equal(0, journeysBuilt);
        Assert.Equal(0, handlersBuilt);
    }

    [Fact]
    public async Task OnTurnAsync_TurnThatRoutes_BuildsTheJourneysOnce()
    {
        await host.SeedProfileAsync("en");
        host.Recognizer.Recognized["find a lab"] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send("find a lab").AssertReplyContains("counted journey")
            .StartTestAsync();

        Assert.Equal(1, journeysBuilt);
        Assert.Equal(0, handlersBuilt);
    }

    private sealed class CountedJourney : IJourney
    {
        public Dialog Dialog { get; } = new StartDialog();

        public IReadOnlyCollection<Intent> Intents { get; } = [Intent.FindPartners];

        public IReadOnlyCollection<string> CardActions { get; } = [];

        public IReadOnlyCollection<string> Commands { get; } = [];

        private sealed class StartDialog() : Dialog("test.counted")
        {
            public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
            {
                await dc.Context.SendActivityAsync("counted journey", cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }
        }
    }
}
