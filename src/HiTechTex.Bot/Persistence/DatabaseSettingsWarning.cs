using System.Runtime.CompilerServices;
using HiTechTex.Bot.Hosting;
using Npgsql;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Says at start-up when a PostgreSQL connection string outside Development has <c>Include Error Detail=true</c>:
/// PostgreSQL's error details then carry the key values of a failed statement ("Key (user_id)=(…) already exists"),
/// and those reach the logs through EF Core's warnings and the error boundaries. Useful while debugging, not in
/// production. The setting is left as configured (an operator may want it for a while); the warning says why to remove it.
/// </summary>
internal sealed class DatabaseSettingsWarning(BotDatabase database, IHostEnvironment environment, ILogger<DatabaseSettingsWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.IsSqlite && !environment.IsDevelopment() && IncludesErrorDetail(database.ConnectionString))
        {
            Log.DatabaseErrorDetailIncluded(logger, environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether a PostgreSQL connection string asks for error details (any spelling Npgsql accepts); false if it cannot be read.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Npgsql's assembly is loaded only for a PostgreSQL database.
    internal static bool IncludesErrorDetail(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).IncludeErrorDetail;
        }
        catch (ArgumentException)
        {
            return false; // An unreadable string fails at the first connection, with Npgsql's own message.
        }
    }
}
