using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class BackgroundTurnQueueTests
{
    [Fact]
    public async Task EnqueueAsync_Work_RunsInItsOwnScopeAfterAFailedItem()
    {
        using var services = new ServiceCollection().AddScoped<ScopedMarker>().BuildServiceProvider();
        using var queue = new BackgroundTurnQueue(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<BackgroundTurnQueue>.Instance);
        await queue.StartAsync(CancellationToken.None);
        var ran = new TaskCompletionSource<ScopedMarker>(TaskCreationOptions.RunContinuationsAsynchronously);

        await queue.EnqueueAsync((_, _) => throw new InvalidOperationException("first item fails"));
        await queue.EnqueueAsync((sp, _) =>
        {
            ran.SetResult(sp.GetRequiredService<ScopedMarker>());
            return Task.CompletedTask;
        });

        var marker = await ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotSame(services.GetRequiredService<ScopedMarker>(), marker);
        await queue.StopAsync(CancellationToken.None);
    }

    private sealed class ScopedMarker;
}
