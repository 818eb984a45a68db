using System.Net;
using System.Text;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// Teams stops waiting for an answer after about 15 s and redelivers the activity with the same id, which the
/// de-duplication then skips: the first turn is the only one that will ever run for it, so the caller going away
/// must not stop it halfway.
/// </summary>
public sealed class AbandonedRequestTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Post_CallerGivesUpWhileTheTurnRuns_TheTurnFinishesAndTheRedeliveryRunsNothing()
    {
        var bot = new GatedBot();
        using var factory = new BotHostFactory(databasePath)
        {
            ConfigureServices = services => services.AddHttpContextAccessor().AddSingleton<IBot>(provider => bot.With(provider.GetRequiredService<IHttpContextAccessor>())),
        };
        using var client = factory.CreateClient();
        var conversationId = Activities.NewConversationId();
        var body = Activities.Message(conversationId, "book it").ToJsonString();
        using var caller = new CancellationTokenSource();

        var post = client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), caller.Token);
        var requestAborted = await bot.Started.Task;
        await caller.CancelAsync();
        await WhenCancelledAsync(requestAborted);   // the server saw the caller go
        bot.Gate.SetResult();
        await bot.Finished.Task;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        using var redelivery = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.False(bot.Cancelled);
        Assert.Equal(1, bot.Runs);
        Assert.Equal("booked", Assert.Single(factory.Connector.SentTo(conversationId)).Text);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private static Task WhenCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }

    /// <summary>A turn that waits for the test before it answers, as a slow one waits for the database or Graph.</summary>
    private sealed class GatedBot : IBot
    {
        private int runs;
        private IHttpContextAccessor? httpContext;

        /// <summary>Set when the turn runs, with the request's own abort token.</summary>
        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs => Volatile.Read(ref runs);

        public bool Cancelled { get; private set; }

        public GatedBot With(IHttpContextAccessor accessor)
        {
            httpContext = accessor;
            return this;
        }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            try
            {
                Started.TrySetResult(httpContext!.HttpContext!.RequestAborted);
                await Gate.Task.WaitAsync(cancellationToken);
                await turnContext.SendActivityAsync("booked", cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }
            finally
            {
                Finished.TrySetResult();
            }
        }
    }
}
