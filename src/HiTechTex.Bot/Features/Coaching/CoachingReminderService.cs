using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Runs <see cref="CoachingReminderProcessor"/> every <c>Coaching:ReminderInterval</c> on the host's <see cref="TimeProvider"/>.</summary>
internal sealed class CoachingReminderService(CoachingReminderProcessor processor, IOptions<CoachingOptions> options, TimeProvider timeProvider, ILogger<CoachingReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, timeProvider);
        do
        {
            try
            {
                await processor.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The claims are in the database: the next pass carries on where this one stopped.
                Log.BackgroundPassFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
