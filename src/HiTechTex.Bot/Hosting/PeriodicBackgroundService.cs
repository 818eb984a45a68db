namespace HiTechTex.Bot.Hosting;

/// <summary>
/// A background service that runs one pass at start-up and then one every <see cref="Interval"/> on the host's
/// <see cref="TimeProvider"/> (so tests move time by hand). A pass that fails is logged (<see cref="PassFailed"/>) and
/// the next one runs as planned: the work these services do is claimed in the database, so a later pass carries on where
/// a failed one stopped. Only the host stopping ends the loop — a timeout inside a pass (an <see cref="HttpClient"/>
/// giving up throws <see cref="TaskCanceledException"/> without the host stopping) is a failed pass like any other,
/// not the end of the service (and, through the host's default <c>BackgroundServiceExceptionBehavior.StopHost</c>, of
/// the whole bot).
/// </summary>
internal abstract class PeriodicBackgroundService(TimeProvider timeProvider) : BackgroundService
{
    /// <summary>The host's clock, for the passes that need the time.</summary>
    protected TimeProvider Clock { get; } = timeProvider;

    /// <summary>The time between the starts of two passes; read once, when the service starts.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass of the work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>Logs a pass that failed (each service with its own event id).</summary>
    protected abstract void PassFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    PassFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
