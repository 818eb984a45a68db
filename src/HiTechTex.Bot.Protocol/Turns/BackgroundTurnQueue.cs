using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// A bounded in-process queue drained by a hosted service, one item at a time. Items are lost on shutdown: durable
/// work (e.g. anything that must survive a restart) belongs in the database, not here.
/// </summary>
public sealed class BackgroundTurnQueue(IServiceScopeFactory scopeFactory, ILogger<BackgroundTurnQueue> logger)
    : BackgroundService, IBackgroundTurnQueue
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> queue =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(1_000)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <inheritdoc />
    public ValueTask EnqueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return queue.Writer.WriteAsync(work, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(work, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await work(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // One failed item must not stop the queue.
                Log.BackgroundWorkFailed(logger, e);
            }
        }
    }
}
