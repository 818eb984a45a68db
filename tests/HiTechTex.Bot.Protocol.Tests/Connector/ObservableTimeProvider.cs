using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created with a finite due time, so a test knows the code
/// under test has started waiting (and for how long) before it advances the clock — no sleeps, no races.
/// </summary>
internal sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> dueTimes = Channel.CreateUnbounded<TimeSpan>();

    public ObservableTimeProvider()
        : base(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            dueTimes.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Waits (in real time, bounded) until the code under test starts its next timed wait; returns its length.</summary>
    public async Task<TimeSpan> NextWaitAsync() =>
        await dueTimes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>True when a timed wait has started that no <see cref="NextWaitAsync"/> has taken yet.</summary>
    public bool HasPendingWait => dueTimes.Reader.Count > 0;
}
