using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>Checklist 31: sliding windows of 7/1 s and 60/30 s per conversation, 50/1 s per tenant; over the limit waits.</summary>
public sealed class SendThrottleTests
{
    private readonly ObservableTimeProvider time = new();
    private readonly SendThrottle throttle;

    public SendThrottleTests() => throttle = new SendThrottle(Options.Create(new ConnectorOptions()), time);

    [Fact]
    public async Task WaitAsync_EighthSendInOneSecond_WaitsUntilFirstLeavesWindow()
    {
        for (var i = 0; i < 7; i++)
        {
            Assert.True(throttle.WaitAsync("a:1", null, CancellationToken.None).IsCompletedSuccessfully);
        }

        var eighth = throttle.WaitAsync("a:1", null, CancellationToken.None).AsTask();
        var wait = await time.NextWaitAsync();
        time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.False(eighth.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void WaitAsync_OtherConversation_IsNotDelayed()
    {
        for (var i = 0; i < 7; i++)
        {
            _ = throttle.WaitAsync("a:1", null, CancellationToken.None);
        }

        Assert.True(throttle.WaitAsync("a:2", null, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_SixtyFirstSendIn30Seconds_WaitsUntilFirstLeaves30SecondWindow()
    {
        // 7 sends per second for 8 seconds, then 4 more: 60 sends within 8 s, the first at t = 0.
        for (var second = 0; second < 9; second++)
        {
            for (var i = 0; i < (second < 8 ? 7 : 4); i++)
            {
                Assert.True(throttle.WaitAsync("a:1", null, CancellationToken.None).IsCompletedSuccessfully);
            }

            if (second < 8)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var sixtyFirst = throttle.WaitAsync("a:1", null, CancellationToken.None).AsTask();
        var wait = await time.NextWaitAsync();

        Assert.Equal(TimeSpan.FromSeconds(22), wait);
        Assert.False(sixtyFirst.IsCompleted);

        time.Advance(wait);
        await sixtyFirst.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_FiftyFirstRequestOfTenantInOneSecond_Waits()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.True(throttle.WaitAsync($"conversation-{i}", "tenant-1", CancellationToken.None).IsCompletedSuccessfully);
        }

        Assert.True(throttle.WaitAsync("conversation-x", "tenant-2", CancellationToken.None).IsCompletedSuccessfully);
        var fiftyFirst = throttle.WaitAsync("conversation-y", "TENANT-1", CancellationToken.None).AsTask();
        var wait = await time.NextWaitAsync();

        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        time.Advance(wait);
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitAsync_CancelledWhileWaiting_Throws()
    {
        for (var i = 0; i < 7; i++)
        {
            _ = throttle.WaitAsync("a:1", null, CancellationToken.None);
        }

        using var cts = new CancellationTokenSource();
        var waiting = throttle.WaitAsync("a:1", null, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.AsTask());
    }
}
