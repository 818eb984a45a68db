using Npgsql;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>An empty PostgreSQL database: the host's start-up migration creates the schema.</summary>
public sealed class PostgreSqlHostDatabase : HostDatabase
{
    private readonly string? adminConnectionString = Environment.GetEnvironmentVariable(PostgreSqlVariable);
    private readonly string databaseName = $"htt_test_{Guid.NewGuid():N}";

    public override string ProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public PostgreSqlHostDatabase()
    {
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            SkipReason = $"{PostgreSqlVariable} is not set: there is no PostgreSQL to test against (./test.sh starts one).";
            return;
        }

        Execute($"CREATE DATABASE \"{databaseName}\"");
        Settings["Database:Provider"] = "PostgreSql";
        Settings["ConnectionStrings:Bot"] = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = databaseName }.ToString();
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
