using System.Collections.Concurrent;
using System.Threading.Channels;
using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Hosting;

/// <summary>
/// The loop of the bot's periodic services (exchange follow-up, introduction expiry, coaching reminders and outbox,
/// dialog-state purge). Before it was one loop, two of them let an <see cref="OperationCanceledException"/> that was not
/// the host stopping — an HttpClient timeout is a <see cref="TaskCanceledException"/> — end the service, and with the
/// host's default behaviour for a failed background service, the bot.
/// </summary>
public sealed class PeriodicBackgroundServiceTests
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task APassThatTimesOut_IsLogged_AndTheNextPassRuns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var service = new ScriptedService(time, [new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."), null]);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(1, await NextPassAsync(service));
        time.Advance(Every);
        Assert.Equal(2, await NextPassAsync(service));
        await service.StopAsync(CancellationToken.None);

        var failed = Assert.Single(service.Failures);
        Assert.IsType<TaskCanceledException>(failed);
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task APassThatThrows_IsLogged_AndTheServiceKeepsItsSchedule()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var service = new ScriptedService(time, [null, new InvalidOperationException("database is locked"), null]);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(1, await NextPassAsync(service));
        time.Advance(Every);
        Assert.Equal(2, await NextPassAsync(service));
        time.Advance(Every);
        Assert.Equal(3, await NextPassAsync(service));
        await service.StopAsync(CancellationToken.None);

        Assert.IsType<InvalidOperationException>(Assert.Single(service.Failures));
        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TheHostStoppingDuringAPass_EndsTheLoopQuietly()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var service = new ScriptedService(time, [], waitForStop: true);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(1, await NextPassAsync(service));
        await service.StopAsync(CancellationToken.None);

        Assert.Empty(service.Failures);
        Assert.True(service.ExecuteTask!.IsCompleted);
        Assert.False(service.ExecuteTask.IsFaulted);
    }

    [Fact]
    public async Task NoPassBeforeTheInterval_AfterTheOneAtStartUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        using var service = new ScriptedService(time, [null, null]);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal(1, await NextPassAsync(service));
        time.Advance(Every - TimeSpan.FromSeconds(1));
        Assert.False(service.Passes.TryRead(out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await NextPassAsync(service));
        await service.StopAsync(CancellationToken.None);
    }

    // A guard against a hang when a pass never comes (the loop ended): the test fails instead of waiting forever.
    private static Task<int> NextPassAsync(ScriptedService service) => service.Passes.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Each pass throws the next scripted exception (null: succeeds) and reports its number once done.</summary>
    private sealed class ScriptedService(TimeProvider time, Exception?[] script, bool waitForStop = false) : PeriodicBackgroundService(time)
    {
        private readonly Channel<int> passes = Channel.CreateUnbounded<int>();
        private int count;

        public ChannelReader<int> Passes => passes.Reader;

        public ConcurrentQueue<Exception> Failures { get; } = new();

        protected override TimeSpan Interval => Every;

        protected override async Task RunOnceAsync(CancellationToken stoppingToken)
        {
            var pass = ++count;
            try
            {
                if (waitForStop)
                {
                    passes.Writer.TryWrite(pass);

                    // A pass that lasts until the host stops (a long send, say).
                    var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using var registration = stoppingToken.Register(() => stopped.TrySetCanceled(stoppingToken));
                    await stopped.Task;
                }

                if (pass <= script.Length && script[pass - 1] is { } failure)
                {
                    throw failure;
                }
            }
            finally
            {
                if (!waitForStop)
                {
                    passes.Writer.TryWrite(pass);
                }
            }
        }

        protected override void PassFailed(Exception exception) => Failures.Enqueue(exception);
    }
}
