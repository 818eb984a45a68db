using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Seeds <see cref="DemoCatalog"/> into an empty catalog at start-up when <c>Coaching:SeedDemoCatalog</c> is on.
/// Registered after the migrator, so the tables exist.
/// </summary>
internal sealed class CoachingCatalogSeeder(IServiceScopeFactory scopeFactory, IOptions<CoachingOptions> options, TimeProvider timeProvider, ILogger<CoachingCatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoCatalog)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        if (await db.Sessions().AnyAsync(cancellationToken))
        {
            return;
        }

        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var drafts = DemoCatalog.Create(timeProvider.GetUtcNow());
        foreach (var draft in drafts)
        {
            await catalog.CreateAsync(draft, "demo", cancellationToken);
        }

        Log.DemoCatalogSeeded(logger, drafts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
