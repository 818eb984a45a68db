using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

/// <summary>"typing…" during slow message turns, driven by a fake clock (no sleeps).</summary>
public sealed class ShowTypingMiddlewareTests
{
    private readonly RecordingConnectorClient connector = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly ShowTypingOptions options = new();
    private readonly TaskCompletionSource turnDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task SlowTurn_TypingAfterTheDelayThenEveryPeriodUntilTheTurnEnds()
    {
        var turn = Run(TestActivities.Message());

        time.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Yield();
        Assert.Empty(connector.Calls);
        time.Advance(TimeSpan.FromMilliseconds(1));
        WaitForCalls(1);
        time.Advance(TimeSpan.FromSeconds(2));
        WaitForCalls(2);

        turnDone.SetResult();
        await turn;
        time.Advance(TimeSpan.FromSeconds(10));
        await Task.Yield();

        Assert.Equal(2, connector.Calls.Count);
        Assert.All(connector.Calls, call =>
        {
            Assert.Equal("send", call.Operation);
            Assert.Equal(("a:conv-1", TestActivities.ServiceUrl), (call.ConversationId, call.ServiceUrl));
            Assert.Equal(ActivityTypes.Typing, call.Activity?.Type);
            Assert.Equal(TestActivities.BotId, call.Activity?.From?.Id);
            Assert.Equal("29:user-1", call.Activity?.Recipient?.Id);
            Assert.Equal("a:conv-1", call.Activity?.Conversation?.Id);
            Assert.Null(call.Activity?.Text);
        });
    }

    [Fact]
    public async Task FastTurn_NoTyping()
    {
        var turn = Run(TestActivities.Message());
        time.Advance(TimeSpan.FromMilliseconds(100));
        turnDone.SetResult();
        await turn;

        time.Advance(TimeSpan.FromSeconds(10));
        await Task.Yield();

        Assert.Empty(connector.Calls);
    }

    public static TheoryData<string, Action<Activity>> TurnsWithoutTyping() => new()
    {
        { "invoke", a => a.Type = ActivityTypes.Invoke },
        { "conversationUpdate", a => a.Type = ActivityTypes.ConversationUpdate },
        { "expectReplies", a => a.DeliveryMode = DeliveryModes.ExpectReplies },
        { "channel", a => a.Conversation!.ConversationType = "channel" },
    };

    [Theory]
    [MemberData(nameof(TurnsWithoutTyping))]
    public async Task NotAUserMessageThatCanShowTyping_NoTypingHoweverLongTheTurn(string name, Action<Activity> change)
    {
        var activity = TestActivities.Message();
        change(activity);
        var turn = Run(activity);

        time.Advance(TimeSpan.FromSeconds(10));
        turnDone.SetResult();
        await turn;

        Assert.True(connector.Calls.IsEmpty, name);
    }

    [Fact]
    public async Task Disabled_NoTyping()
    {
        options.Enabled = false;
        var turn = Run(TestActivities.Message());

        time.Advance(TimeSpan.FromSeconds(10));
        turnDone.SetResult();
        await turn;

        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task TypingFails_TheTurnGoesOnAndEndsNormally()
    {
        connector.FailWith = new HttpRequestException("connection refused");
        var nextRan = false;
        var turn = Run(TestActivities.Message(), () => nextRan = true);

        time.Advance(TimeSpan.FromSeconds(5));
        turnDone.SetResult();
        await turn;

        Assert.True(nextRan);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task TheTurnFails_TheFailureIsTheTurnsAndTypingStops()
    {
        var turn = Run(TestActivities.Message());
        time.Advance(TimeSpan.FromSeconds(1));
        WaitForCalls(1);

        turnDone.SetException(new InvalidOperationException("the bot failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => turn);
        time.Advance(TimeSpan.FromSeconds(10));
        await Task.Yield();
        Assert.Single(connector.Calls);
    }

    /// <summary>
    /// A turn that answers and then only saves its state showed "typing…" under its own answer (seen in the Agents
    /// Playground on a busy machine: the typing activity arrived after the card). After a reply, typing waits a full delay.
    /// </summary>
    [Fact]
    public async Task ReplyThenTheTurnGoesOn_TypingOnlyAFullDelayAfterTheReply()
    {
        var start = time.GetUtcNow();
        var typingSentAt = new ConcurrentQueue<DateTimeOffset>();
        connector.BeforeAnswer = call =>
        {
            if (call.Activity?.Type == ActivityTypes.Typing)
            {
                typingSentAt.Enqueue(time.GetUtcNow());
            }

            return Task.CompletedTask;
        };
        var answerNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = RunWithContext(TestActivities.Message(), async context =>
        {
            await answerNow.Task;
            await context.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "Here you are." });
            await turnDone.Task;
        });

        time.Advance(TimeSpan.FromMilliseconds(300));
        answerNow.SetResult();
        WaitForCalls(1);
        Assert.Equal("reply", Assert.Single(connector.Calls).Operation);

        // Small steps of the clock until the typing activity has gone out (the loop runs on the thread pool).
        for (var step = 0; step < 200 && typingSentAt.IsEmpty; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            SpinWait.SpinUntil(() => !typingSentAt.IsEmpty, TimeSpan.FromMilliseconds(20));
        }

        turnDone.SetResult();
        await turn;
        Assert.True(typingSentAt.TryPeek(out var sentAt), "the turn went on for two seconds after its answer: typing shows again");
        Assert.True(sentAt - start >= TimeSpan.FromMilliseconds(800), $"typing {(sentAt - start).TotalMilliseconds} ms after the start, the answer at 300 ms");
    }

    [Fact]
    public async Task ReplyWhileATypingActivityIsInFlight_TheReplyGoesAfterIt()
    {
        var typingStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var typingMayFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.BeforeAnswer = call =>
        {
            if (call.Activity?.Type != ActivityTypes.Typing)
            {
                return Task.CompletedTask;
            }

            typingStarted.TrySetResult();
            return typingMayFinish.Task;
        };
        var answerNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = RunWithContext(TestActivities.Message(), async context =>
        {
            await answerNow.Task;
            await context.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "Here you are." });
        });

        time.Advance(TimeSpan.FromMilliseconds(500));
        await typingStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        answerNow.SetResult();
        Assert.False(SpinWait.SpinUntil(() => !connector.Calls.IsEmpty, TimeSpan.FromMilliseconds(200)), "the reply overtook the typing activity in flight");
        typingMayFinish.SetResult();
        await turn;

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], connector.Calls.Select(call => call.Activity?.Type));
    }

    [Fact]
    public async Task AfterTheTurn_TheContextStillSends()
    {
        // The adapter's error handler sends its apology through the same context after the middleware has returned.
        var context = new TurnContext(TestActivities.Message(), connector);
        var middleware = new ShowTypingMiddleware(connector, time, Options.Create(options), NullLogger<ShowTypingMiddleware>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            middleware.OnTurnAsync(context, _ => throw new InvalidOperationException("the bot failed"), CancellationToken.None));

        await context.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "Sorry, something went wrong." });

        Assert.Equal("Sorry, something went wrong.", Assert.Single(connector.Calls).Activity?.Text);
    }

    private Task RunWithContext(Activity activity, Func<ITurnContext, Task> turnBody)
    {
        var middleware = new ShowTypingMiddleware(connector, time, Options.Create(options), NullLogger<ShowTypingMiddleware>.Instance);
        var context = new TurnContext(activity, connector);
        return middleware.OnTurnAsync(context, _ => turnBody(context), CancellationToken.None);
    }

    private Task Run(Activity activity, Action? onNext = null)
    {
        var middleware = new ShowTypingMiddleware(connector, time, Options.Create(options), NullLogger<ShowTypingMiddleware>.Instance);
        return middleware.OnTurnAsync(new TurnContext(activity, connector), _ =>
        {
            onNext?.Invoke();
            return turnDone.Task;
        }, CancellationToken.None);
    }

    /// <summary>Waits for the typing loop (which runs on the thread pool after the fake clock moved) to have sent.</summary>
    private void WaitForCalls(int count) =>
        Assert.True(SpinWait.SpinUntil(() => connector.Calls.Count >= count, TimeSpan.FromSeconds(10)), $"expected {count} typing activities, got {connector.Calls.Count}");
}
