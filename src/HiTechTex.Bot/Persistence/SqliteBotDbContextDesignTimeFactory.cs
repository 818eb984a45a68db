using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HiTechTex.Bot.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteBotDbContext</c> build the context without booting the host.</summary>
internal sealed class SqliteBotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBotDbContext>
{
    public SqliteBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBotDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
