using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without booting the host. The migrations are generated
/// for SQLite, the default provider.
/// </summary>
internal sealed class BotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BotDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
