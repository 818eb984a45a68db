using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Expires unanswered introduction requests (<see cref="IntroductionService.ExpireDueAsync"/>) at start-up and then
/// every <c>Partners:IntroductionExpirySweepInterval</c> (on <see cref="TimeProvider"/>), each pass in its own scope: the
/// addressees' cards lose their buttons and say the request expired, and the requester is told they can ask again.
/// Each request is claimed in the database by its conditional update, so two instances (or a restart) announce it once.
/// </summary>
internal sealed class IntroductionExpiryService(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptions<PartnersOptions> options,
    ILogger<IntroductionExpiryService> logger) : PeriodicBackgroundService(timeProvider)
{
    protected override TimeSpan Interval => options.Value.IntroductionExpirySweepInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var expired = await scope.ServiceProvider.GetRequiredService<IntroductionService>().ExpireDueAsync(stoppingToken).ConfigureAwait(false);
        if (expired > 0)
        {
            Log.IntroductionsExpired(logger, expired);
        }
    }

    protected override void PassFailed(Exception exception) => Log.IntroductionExpirySweepFailed(logger, exception);
}
