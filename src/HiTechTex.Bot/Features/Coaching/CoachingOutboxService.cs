using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Runs <see cref="CoachingOutboxProcessor"/> every <c>Coaching:OutboxInterval</c> on the host's <see cref="TimeProvider"/>.</summary>
internal sealed class CoachingOutboxService(CoachingOutboxProcessor processor, IOptions<CoachingOptions> options, TimeProvider timeProvider, ILogger<CoachingOutboxService> logger)
    : BackgroundService
{
    /// <summary>How often finished outbox rows and old reminder claims are deleted.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxInterval, timeProvider);
        DateTimeOffset? lastPurge = null;
        do
        {
            try
            {
                await processor.RunOnceAsync(stoppingToken);

                // Housekeeping once an hour (and at start-up): cheap, idempotent, safe on several instances at once.
                var now = timeProvider.GetUtcNow();
                if (lastPurge is null || now - lastPurge >= PurgeInterval)
                {
                    lastPurge = now;
                    await processor.PurgeAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup: the rows are still there, the next pass picks them up.
                Log.BackgroundPassFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
