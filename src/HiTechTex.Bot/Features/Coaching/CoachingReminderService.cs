using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Runs <see cref="CoachingReminderProcessor"/> every <c>Coaching:ReminderInterval</c> on the host's <see cref="TimeProvider"/>.</summary>
internal sealed class CoachingReminderService(CoachingReminderProcessor processor, IOptions<CoachingOptions> options, TimeProvider timeProvider, ILogger<CoachingReminderService> logger)
    : PeriodicBackgroundService(timeProvider)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => processor.RunOnceAsync(stoppingToken);

    // The claims are in the database: the next pass carries on where this one stopped.
    protected override void PassFailed(Exception exception) => Log.BackgroundPassFailed(logger, exception);
}
