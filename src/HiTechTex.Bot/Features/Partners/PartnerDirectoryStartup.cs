using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// In the background, so the host starts at once: seeds the directory and rebuilds the index when missing or stale
/// (<see cref="EfPartnerDirectory.InitializeAsync"/>), then every <see cref="PartnersOptions.IndexSyncInterval"/>
/// applies the changes other instances made (<see cref="EfPartnerDirectory.SyncIndexAsync"/>). Runs after the
/// database migrator (hosted services start in registration order).
/// </summary>
internal sealed class PartnerDirectoryStartup(
    EfPartnerDirectory directory,
    IOptions<PartnersOptions> options,
    PartnerDirectoryReadiness readiness,
    TimeProvider timeProvider,
    ILogger<PartnerDirectoryStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: SQLite's "async" calls complete synchronously.
        await Task.Yield();
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.IndexSyncInterval, timeProvider);
        try
        {
            while (!readiness.IsReady)
            {
                try
                {
                    await directory.InitializeAsync(settings, stoppingToken).ConfigureAwait(false);
                    readiness.SetReady();
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.PartnerSyncFailed(logger, exception);
                    await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
                }
            }

            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await directory.SyncIndexAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.PartnerSyncFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }
}
