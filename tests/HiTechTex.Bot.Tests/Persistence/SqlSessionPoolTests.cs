using HiTechTex.Bot.Persistence;

namespace HiTechTex.Bot.Tests.Persistence;

public sealed class SqlSessionPoolTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();

    [Fact]
    public async Task OpenAsync_Sqlite_ConnectionIsInWalModeWithNormalSyncAndSmallCheckpoints()
    {
        await using var pool = new SqlSessionPool(isSqlite: true, database.ConnectionString);
        await using var session = await pool.OpenAsync(CancellationToken.None);

        Assert.Equal("wal", await ScalarAsync(session, "PRAGMA journal_mode"));
        Assert.Equal(1L, await ScalarAsync(session, "PRAGMA synchronous"));   // NORMAL
        Assert.Equal((long)SqlitePragmaInterceptor.WalAutoCheckpointPages, await ScalarAsync(session, "PRAGMA wal_autocheckpoint"));
        Assert.Contains($"wal_autocheckpoint={SqlitePragmaInterceptor.WalAutoCheckpointPages};", SqlitePragmaInterceptor.Pragmas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_AfterDispose_LendsTheSameConnectionWithItsCompiledCommands()
    {
        var statement = new SqlStatement("SELECT @n", "@n");
        await using var pool = new SqlSessionPool(isSqlite: true, database.ConnectionString);
        var first = await pool.OpenAsync(CancellationToken.None);
        var command = first.Command(statement);
        await first.DisposeAsync();

        await using var second = await pool.OpenAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Same(command, second.Command(statement));
    }

    [Fact]
    public async Task DisposeAsync_SessionMarkedNotReusable_IsClosedNotPooled()
    {
        await using var pool = new SqlSessionPool(isSqlite: true, database.ConnectionString);
        var broken = await pool.OpenAsync(CancellationToken.None);
        broken.Reusable = false;
        await broken.DisposeAsync();

        await using var next = await pool.OpenAsync(CancellationToken.None);

        Assert.NotSame(broken, next);
        Assert.Equal(System.Data.ConnectionState.Closed, broken.Connection.State);
    }

    [Fact]
    public async Task OpenAsync_AllSqliteConnectionsLent_WaitsForOneToComeBack()
    {
        await using var pool = new SqlSessionPool(isSqlite: true, database.ConnectionString);
        var lent = new List<SqlSession>();
        for (var i = 0; i < SqlSessionPool.MaxSqliteConnections; i++)
        {
            lent.Add(await pool.OpenAsync(CancellationToken.None));
        }

        var waiting = pool.OpenAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);

        await lent[3].DisposeAsync();
        await using var next = await waiting;

        Assert.Same(lent[3], next);
        foreach (var session in lent.Where(s => s != lent[3]))
        {
            await session.DisposeAsync();
        }
    }

    public void Dispose() => database.Dispose();

    private static async Task<object?> ScalarAsync(SqlSession session, string sql)
    {
        await using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
