using HiTechTex.Bot.Testing;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>An empty PostgreSQL database: the host's start-up migration creates the schema.</summary>
public sealed class PostgreSqlHostDatabase : HostDatabase
{
    private readonly PostgreSqlTestDatabase database = new();

    public override string ProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public PostgreSqlHostDatabase()
    {
        SkipReason = database.SkipReason;
        if (SkipReason is not null)
        {
            return;
        }

        Settings["Database:Provider"] = "PostgreSql";
        Settings["ConnectionStrings:Bot"] = database.ConnectionString;
    }

    private protected override void DisposeDatabase() => database.Dispose();
}
