using HiTechTex.Bot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>A migrated SQLite database in a temp file, deleted on dispose.</summary>
internal sealed class SqliteTestDatabase : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"hitechtex-bot-unit-{Guid.NewGuid():N}.db");

    public SqliteTestDatabase()
    {
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public string ConnectionString => $"Data Source={path}";

    public BotDbContext CreateContext() =>
        new SqliteBotDbContext(new DbContextOptionsBuilder<SqliteBotDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
