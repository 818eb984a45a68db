using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>
/// A migrated database of its own on the PostgreSQL server named by <c>HTT_TEST_POSTGRES</c>
/// (<see cref="PostgreSqlTestDatabase"/>). Without the variable the tests are skipped.
/// </summary>
public sealed class PostgreSqlDatabaseFixture : DatabaseFixture
{
    private readonly PostgreSqlTestDatabase database = new();

    public PostgreSqlDatabaseFixture()
    {
        SkipReason = database.SkipReason;
        if (SkipReason is not null)
        {
            return;
        }

        var services = new ServiceCollection();
        services.AddDbContext<PostgreSqlBotDbContext>(o => o.UseNpgsql(database.ConnectionString));
        services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<PostgreSqlBotDbContext>());
        Services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.Migrate();
    }

    private protected override SqlSessionPool NewPool() => new(isSqlite: false, database.ConnectionString);

    private protected override void DisposeDatabase() => database.Dispose();
}
