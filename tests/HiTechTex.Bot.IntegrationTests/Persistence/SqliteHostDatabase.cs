using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>A SQLite file (the host's default provider).</summary>
public sealed class SqliteHostDatabase : HostDatabase
{
    public override string ProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    private protected override void DisposeDatabase() => BotHostFactory.DeleteDatabase(SqlitePath);
}
