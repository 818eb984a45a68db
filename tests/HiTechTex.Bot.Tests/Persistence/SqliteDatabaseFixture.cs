using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>A migrated SQLite file with the host's pragmas (WAL, busy timeout).</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly SqliteTestDatabase database = new();

    public SqliteDatabaseFixture()
    {
        var services = new ServiceCollection();
        services.AddDbContext<SqliteBotDbContext>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(SqlitePragmaInterceptor.Instance));
        services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<SqliteBotDbContext>());
        Services = services.BuildServiceProvider();
    }

    private protected override SqlSessionPool NewPool() => new(isSqlite: true, database.ConnectionString);

    private protected override void DisposeDatabase() => database.Dispose();
}
