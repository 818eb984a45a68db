using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// A bulkhead, not a lock: at most <c>Coaching:MaxConcurrentBookings</c> booking transactions of this instance wait
/// on a session's row lock at once. Correctness comes from the database (the row lock holds across instances);
/// this only keeps a registration rush on one session from taking every pooled connection, which the rest of the
/// bot (state, de-duplication) needs too. The others queue here, in memory, instead of timing out at the pool.
/// </summary>
internal sealed class BookingThrottle(IOptions<CoachingOptions> options)
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentBookings, options.Value.MaxConcurrentBookings);

    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(slots);
    }

    /// <summary>Gives the slot back when disposed.</summary>
    public readonly struct Slot(SemaphoreSlim held) : IDisposable
    {
        public void Dispose() => held.Release();
    }
}
