using HiTechTex.Bot.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Applies EF Core migrations at start-up. Hosted services start before the web server, so no request is accepted
/// until the schema is current.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopeFactory, BotDatabase database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.MigratingDatabase(logger, database.Provider);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        Log.DatabaseMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
