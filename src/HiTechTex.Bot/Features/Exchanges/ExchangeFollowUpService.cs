using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Runs <see cref="ExchangeFollowUp"/> at start-up and then every <c>Exchanges:FollowUpInterval</c> (on
/// <see cref="TimeProvider"/>), each pass in its own scope. The pass at start-up gives a cluster manager configured
/// since the last run the cards waiting for them at once; what it sends is claimed in the database, so a restart sends
/// nothing twice.
/// </summary>
internal sealed class ExchangeFollowUpService(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptionsMonitor<ExchangeOptions> options,
    ILogger<ExchangeFollowUpService> logger) : PeriodicBackgroundService(timeProvider)
{
    protected override TimeSpan Interval => options.CurrentValue.FollowUpInterval;

    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(stoppingToken).ConfigureAwait(false);
    }

    protected override void PassFailed(Exception exception) => Log.FollowUpFailed(logger, exception);
}
