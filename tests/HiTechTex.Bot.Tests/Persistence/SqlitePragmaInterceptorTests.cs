using HiTechTex.Bot.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>
/// The connection pragmas (WAL, synchronous, checkpoint size) and EF Core's read-only connection: the migrator's first
/// step, <c>Exists()</c>, opens the file with <c>Mode=ReadOnly</c>; on a database another instance had just created
/// (not yet in WAL mode) "journal_mode=WAL" there was a write and the start-up failed with "attempt to write a readonly
/// database" (seen in CI: two instances starting together on an empty SQLite file).
/// </summary>
public sealed class SqlitePragmaInterceptorTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"hitechtex-pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public void Exists_OnADatabaseNotYetInWalMode_AnswersWithoutWritingAndALaterWriterGetsWal()
    {
        // Another instance's fresh file: created, in SQLite's default rollback-journal mode.
        using (var creator = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            creator.Open();
            using var command = creator.CreateCommand();
            command.CommandText = "CREATE TABLE t (x INTEGER)";
            command.ExecuteNonQuery();
        }

        using var db = new DbContext(new DbContextOptionsBuilder()
            .UseSqlite($"Data Source={path};Pooling=False").AddInterceptors(SqlitePragmaInterceptor.Instance).Options);

        Assert.True(db.GetService<IRelationalDatabaseCreator>().Exists());
        Assert.Equal("delete", JournalMode());    // the read-only look changed nothing

        db.Database.OpenConnection();              // a read-write connection still gets the pragmas
        Assert.Equal("wal", JournalMode());
        db.Database.CloseConnection();
    }

    private string JournalMode()
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
