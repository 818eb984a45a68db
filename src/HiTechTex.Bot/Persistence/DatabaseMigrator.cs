using HiTechTex.Bot.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Applies EF Core migrations at start-up. Hosted services start before the web server, so no request is accepted
/// until the schema is current.
/// </summary>
/// <remarks>
/// PostgreSQL: under a session advisory lock (<see cref="PostgreSqlMigrationLock"/>), so instances starting together
/// on an empty database migrate one after the other — EF Core's own lock let two of them create the same table
/// ("relation … already exists") and the second failed to start. SQLite: EF Core's lock table serialises them.
/// </remarks>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopeFactory, BotDatabase database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    /// <summary>The advisory lock key of the bot's migrations ("HTTMIGR" in ASCII).</summary>
    public const long PostgreSqlMigrationLock = 0x48_54_54_4D_49_47_52;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.MigratingDatabase(logger, database.Provider);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        if (database.IsSqlite)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            // One connection for lock, migrations and unlock (a session lock; released too if the connection drops).
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgreSqlMigrationLock})", cancellationToken);
                try
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgreSqlMigrationLock})", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        Log.DatabaseMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
