namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// Waits for a condition on an external process (a real bot, the Agents Playground) by polling it against a deadline.
/// Real time is the only clock those processes share with the test; the <see cref="TimeProvider"/> parameter exists
/// so that the helper itself can be tested with a fake clock.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="condition"/> until it returns true; throws <see cref="TimeoutException"/> at the deadline.</summary>
    /// <param name="condition">Evaluated at once, then after every poll interval.</param>
    /// <param name="timeout">How long to keep trying.</param>
    /// <param name="because">Describes what was awaited, for the failure message.</param>
    /// <param name="failFast">Checked before each poll: a non-null message aborts the wait (for example: the process exited).</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="pollInterval">Time between two evaluations; 50 ms when null.</param>
    public static async Task UntilAsync(
        Func<Task<bool>> condition,
        TimeSpan timeout,
        string because,
        Func<string?>? failFast = null,
        TimeProvider? timeProvider = null,
        TimeSpan? pollInterval = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        using var timer = new PeriodicTimer(pollInterval ?? DefaultPollInterval, clock);
        Exception? lastError = null;
        while (true)
        {
            if (failFast?.Invoke() is { } reason)
            {
                throw new InvalidOperationException($"Gave up waiting for {because}: {reason}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }

                lastError = null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A server that is still starting refuses connections; that is "not yet", not a failure.
                lastError = ex;
            }

            if (clock.GetElapsedTime(started) >= timeout)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {because}."
                    + (lastError is null ? "" : $" Last error: {lastError.GetType().Name}: {lastError.Message}"),
                    lastError);
            }

            await timer.WaitForNextTickAsync();
        }
    }

    /// <summary>Synchronous-condition overload of <see cref="UntilAsync(Func{Task{bool}}, TimeSpan, string, Func{string?}?, TimeProvider?, TimeSpan?)"/>.</summary>
    public static Task UntilAsync(
        Func<bool> condition,
        TimeSpan timeout,
        string because,
        Func<string?>? failFast = null,
        TimeProvider? timeProvider = null,
        TimeSpan? pollInterval = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, because, failFast, timeProvider, pollInterval);
}
