using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Runs <see cref="CoachingOutboxProcessor"/> every <c>Coaching:OutboxInterval</c> on the host's <see cref="TimeProvider"/>.</summary>
internal sealed class CoachingOutboxService(CoachingOutboxProcessor processor, IOptions<CoachingOptions> options, TimeProvider timeProvider, ILogger<CoachingOutboxService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxInterval, timeProvider);
        do
        {
            try
            {
                await processor.RunOnceAsync(stoppingToken);
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
