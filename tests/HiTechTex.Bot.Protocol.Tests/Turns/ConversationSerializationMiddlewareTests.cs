using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class ConversationSerializationMiddlewareTests
{
    private readonly ConversationSerializationMiddleware middleware = new();

    [Fact]
    public async Task OnTurnAsync_TwoTurnsOfOneConversation_SecondStartsOnlyAfterFirstEnds()
    {
        var releaseFirst = new TaskCompletionSource();
        var firstStarted = new TaskCompletionSource();
        var secondStarted = false;

        var first = middleware.OnTurnAsync(Context("a:1"), async _ => { firstStarted.SetResult(); await releaseFirst.Task; }, CancellationToken.None);
        await firstStarted.Task;
        var second = middleware.OnTurnAsync(Context("a:1"), _ => { secondStarted = true; return Task.CompletedTask; }, CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.False(secondStarted);
        releaseFirst.SetResult();
        await Task.WhenAll(first, second);
        Assert.True(secondStarted);
        Assert.Equal(0, middleware.TrackedConversations);
    }

    [Fact]
    public async Task OnTurnAsync_TurnsOfDifferentConversations_RunTogether()
    {
        var release = new TaskCompletionSource();
        var firstStarted = new TaskCompletionSource();

        var first = middleware.OnTurnAsync(Context("a:1"), async _ => { firstStarted.SetResult(); await release.Task; }, CancellationToken.None);
        await firstStarted.Task;
        var otherRan = false;
        await middleware.OnTurnAsync(Context("a:2"), _ => { otherRan = true; return Task.CompletedTask; }, CancellationToken.None);

        Assert.True(otherRan);
        Assert.False(first.IsCompleted);
        Assert.Equal(1, middleware.TrackedConversations);
        release.SetResult();
        await first;
    }

    [Fact]
    public async Task OnTurnAsync_FirstTurnThrows_NextTurnStillRuns()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => middleware.OnTurnAsync(Context("a:1"), _ => throw new InvalidOperationException("boom"), CancellationToken.None));

        var ran = false;
        await middleware.OnTurnAsync(Context("a:1"), _ => { ran = true; return Task.CompletedTask; }, CancellationToken.None);

        Assert.True(ran);
        Assert.Equal(0, middleware.TrackedConversations);
    }

    [Fact]
    public async Task OnTurnAsync_WaitingTurnCancelled_LeavesNoEntryAndDoesNotRun()
    {
        var release = new TaskCompletionSource();
        var firstStarted = new TaskCompletionSource();
        var first = middleware.OnTurnAsync(Context("a:1"), async _ => { firstStarted.SetResult(); await release.Task; }, CancellationToken.None);
        await firstStarted.Task;
        using var cancel = new CancellationTokenSource();
        var ran = false;

        var waiting = middleware.OnTurnAsync(Context("a:1"), _ => { ran = true; return Task.CompletedTask; }, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await first;
        Assert.False(ran);
        Assert.Equal(0, middleware.TrackedConversations);
    }

    private static TurnContext Context(string conversationId) =>
        new(TestActivities.Message("hi", conversationId), new RecordingConnectorClient());
}
