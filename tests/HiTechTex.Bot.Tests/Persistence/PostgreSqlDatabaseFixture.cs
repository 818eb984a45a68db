using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>
/// A database of its own (<c>htt_test_&lt;guid&gt;</c>, dropped on dispose) on the PostgreSQL server named by the
/// environment variable <c>HTT_TEST_POSTGRES</c>, migrated. Without the variable the tests are skipped.
/// </summary>
public sealed class PostgreSqlDatabaseFixture : DatabaseFixture
{
    public const string EnvironmentVariable = "HTT_TEST_POSTGRES";

    private readonly string? adminConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
    private readonly string databaseName = $"htt_test_{Guid.NewGuid():N}";

    public PostgreSqlDatabaseFixture()
    {
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            SkipReason = $"{EnvironmentVariable} is not set: there is no PostgreSQL to test against (./test.sh starts one).";
            return;
        }

        Execute($"CREATE DATABASE \"{databaseName}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = databaseName }.ToString();
        var services = new ServiceCollection();
        services.AddDbContext<PostgreSqlBotDbContext>(o => o.UseNpgsql(connectionString));
        services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<PostgreSqlBotDbContext>());
        Services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.Migrate();
    }

    private protected override void DisposeDatabase()
    {
        if (SkipReason is null)
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
