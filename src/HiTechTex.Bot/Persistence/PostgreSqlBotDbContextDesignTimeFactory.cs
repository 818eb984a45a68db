using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlBotDbContext</c> build the context without booting the
/// host. Generating a migration never connects, so the connection string is only a placeholder.
/// </summary>
internal sealed class PostgreSqlBotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlBotDbContext>
{
    public PostgreSqlBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlBotDbContext>().UseNpgsql("Host=localhost;Database=hitechtex_bot").Options);
}
