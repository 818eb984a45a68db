namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>
/// The system clock moved by <see cref="Advance"/>: for a whole host, where a <c>FakeTimeProvider</c> would also stop
/// the timers and delays every turn relies on (send throttling, "typing…") until the test advances it. Timers and
/// timestamps stay the system's; only "now" jumps.
/// </summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _initial = start - System.GetUtcNow();
    private long _shiftTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _initial + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
}
