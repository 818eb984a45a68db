using Npgsql;

namespace HiTechTex.Bot.Testing;

/// <summary>
/// An empty database of its own (<c>htt_test_&lt;guid&gt;</c>, dropped with <c>FORCE</c> on dispose) on the PostgreSQL
/// server named by <c>HTT_TEST_POSTGRES</c>. Without the variable nothing is created and <see cref="SkipReason"/>
/// says why, so the tests report SKIPPED (and CI, which sets the variable, fails on skips).
/// </summary>
public sealed class PostgreSqlTestDatabase : IDisposable
{
    public const string EnvironmentVariable = "HTT_TEST_POSTGRES";

    private readonly string? adminConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
    private readonly string databaseName = $"htt_test_{Guid.NewGuid():N}";

    public PostgreSqlTestDatabase()
    {
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            SkipReason = $"{EnvironmentVariable} is not set: there is no PostgreSQL to test against (./test.sh starts one).";
            return;
        }

        Execute($"CREATE DATABASE \"{databaseName}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = databaseName }.ToString();
    }

    /// <summary>Why there is no database, or null when there is one.</summary>
    public string? SkipReason { get; }

    /// <summary>The connection string of the new database (empty when skipped).</summary>
    public string ConnectionString { get; } = "";

    public void Dispose()
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
