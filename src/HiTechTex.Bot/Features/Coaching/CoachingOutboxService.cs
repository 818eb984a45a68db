using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Runs <see cref="CoachingOutboxProcessor"/> every <c>Coaching:OutboxInterval</c> on the host's <see cref="TimeProvider"/>.</summary>
internal sealed class CoachingOutboxService(CoachingOutboxProcessor processor, IOptions<CoachingOptions> options, TimeProvider timeProvider, ILogger<CoachingOutboxService> logger)
    : PeriodicBackgroundService(timeProvider)
{
    /// <summary>How often finished outbox rows and old reminder claims are deleted.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    private DateTimeOffset? lastPurge;

    protected override TimeSpan Interval => options.Value.OutboxInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await processor.RunOnceAsync(stoppingToken);

        // Housekeeping once an hour (and at start-up): cheap, idempotent, safe on several instances at once.
        var now = Clock.GetUtcNow();
        if (lastPurge is null || now - lastPurge >= PurgeInterval)
        {
            lastPurge = now;
            await processor.PurgeAsync(stoppingToken);
        }
    }

    // A database hiccup: the rows are still there, the next pass picks them up.
    protected override void PassFailed(Exception exception) => Log.BackgroundPassFailed(logger, exception);
}
