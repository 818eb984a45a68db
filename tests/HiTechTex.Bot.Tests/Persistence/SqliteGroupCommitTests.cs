using System.Text.Json;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>
/// The SQLite group commit behind <see cref="SqlSessionPool.WriteAsync{T}"/>: writes that wait together share one
/// transaction, a failing write is undone alone, and a write is acknowledged only once committed. The batches are
/// made observable by holding the <see cref="DatabaseWriteGate"/> (as an EF Core write of a feature would).
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly DatabaseWriteGate gate = new(isSqlite: true);
    private SqlSessionPool pool = null!;

    public Task InitializeAsync()
    {
        pool = new SqlSessionPool(isSqlite: true, database.ConnectionString, gate);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await pool.DisposeAsync();
        database.Dispose();
    }

    [Fact]
    public async Task WriteAsync_WritesQueuedBehindABusyWriter_CommitInOneTransaction()
    {
        var storage = new SqlStorage(pool, TimeProvider.System);
        var keys = Enumerable.Range(0, 12).Select(i => $"k{i}").ToList();
        var writes = new List<Task>();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            writes.AddRange(keys.Select(key => storage.WriteAsync(Changes((key, Doc(1), null)))));
            await Task.Yield();

            // Queued, not committed: nobody was told "written" while the gate is held.
            Assert.All(writes, w => Assert.False(w.IsCompleted));
        }

        await Task.WhenAll(writes);

        // The first write may have been taken alone before the others arrived; the rest went in together.
        Assert.InRange(pool.GroupCommits, 1, 2);
        Assert.Equal(keys.Count, (await storage.ReadAsync(keys)).Count);
    }

    [Fact]
    public async Task WriteAsync_OneWriteOfABatchConflicts_OnlyThatOneIsUndone()
    {
        var storage = new SqlStorage(pool, TimeProvider.System);
        var stale = (await storage.WriteAsync(Changes(("taken", Doc(1), null))))["taken"];
        await storage.WriteAsync(Changes(("taken", Doc(2), stale)));
        var commitsBefore = pool.GroupCommits;

        Task before, conflicting, after;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            before = storage.WriteAsync(Changes(("before", Doc(1), null)));

            // Two keys in ordinal order: "a-new" is written, then "taken" conflicts — "a-new" must be rolled back.
            conflicting = storage.WriteAsync(Changes(("a-new", Doc(1), null), ("taken", Doc(3), stale)));
            after = storage.WriteAsync(Changes(("after", Doc(1), null)));
        }

        await before;
        await after;
        var e = await Assert.ThrowsAsync<StorageConcurrencyException>(() => conflicting);
        Assert.Equal("taken", e.Key);
        var read = await storage.ReadAsync(["before", "after", "a-new", "taken"]);
        Assert.Equal(["after", "before", "taken"], read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, read["taken"].Value.GetProperty("n").GetInt32());
        Assert.InRange(pool.GroupCommits - commitsBefore, 1, 2);
    }

    [Fact]
    public async Task WriteAsync_Committed_VisibleToAnotherConnectionWhenAcknowledged()
    {
        var marks = new SqlProcessedActivityStore(pool, TimeProvider.System);
        await using var otherInstance = new SqlSessionPool(isSqlite: true, database.ConnectionString);
        var other = new SqlProcessedActivityStore(otherInstance, TimeProvider.System);

        var first = await marks.TryMarkProcessedAsync("msteams", "a:1", "act-1", CancellationToken.None);

        // The other "instance" sees the mark at once: acknowledged means committed.
        Assert.True(first);
        Assert.False(await other.TryMarkProcessedAsync("msteams", "a:1", "act-1", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_CancelledWhileQueued_WritesNothing()
    {
        var storage = new SqlStorage(pool, TimeProvider.System);
        using var cancel = new CancellationTokenSource();
        Task cancelled, kept;
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // The writer may already hold "first" at the gate; what queues behind it is cancellable until it starts.
            var first = storage.WriteAsync(Changes(("first", Doc(1), null)));
            await Task.Yield();
            cancelled = storage.WriteAsync(Changes(("cancelled", Doc(1), null)), cancel.Token);
            kept = storage.WriteAsync(Changes(("kept", Doc(1), null)));
            cancel.Cancel();
            kept = Task.WhenAll(first, kept);
        }

        await kept;
        var outcome = await Record.ExceptionAsync(() => cancelled);
        var stored = await storage.ReadAsync(["cancelled"]);

        // Either it was already in the running batch (then written and acknowledged) or it was dropped unwritten.
        if (outcome is null)
        {
            Assert.Single(stored);
        }
        else
        {
            Assert.IsAssignableFrom<OperationCanceledException>(outcome);
            Assert.Empty(stored);
        }
    }

    [Fact]
    public async Task WriteAsync_OneBatchAfterAnother_TheWriterKeepsItsConnection()
    {
        var opens = 0;
        await using var commit = new SqliteGroupCommit(
            ct =>
            {
                Interlocked.Increment(ref opens);
                return pool.OpenAsync(ct);
            },
            gate);
        var connections = new List<object>();

        for (var i = 0; i < 5; i++)
        {
            connections.Add(await commit.WriteAsync((session, _, _) => Task.FromResult<object>(session.Connection), CancellationToken.None));
        }

        Assert.Equal(1, opens);
        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task WriteAsync_ABatchWhoseConnectionBroke_FailsAndTheNextBatchOpensAnother()
    {
        var opens = 0;
        await using var commit = new SqliteGroupCommit(
            ct =>
            {
                Interlocked.Increment(ref opens);
                return pool.OpenAsync(ct);
            },
            gate);
        var first = await commit.WriteAsync((session, _, _) => Task.FromResult<object>(session.Connection), CancellationToken.None);

        // The work "succeeds" but leaves the connection closed: the COMMIT fails, so the write must fail too.
        var broken = commit.WriteAsync(
            async (session, _, _) =>
            {
                await session.Connection.CloseAsync();
                return 1;
            },
            CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => broken);

        var next = await commit.WriteAsync((session, _, _) => Task.FromResult<object>(session.Connection), CancellationToken.None);
        Assert.Equal(2, opens);
        Assert.NotSame(first, next);
        Assert.Equal(System.Data.ConnectionState.Open, ((System.Data.Common.DbConnection)next).State);
    }

    private static JsonElement Doc(int n) => JsonSerializer.SerializeToElement(new { n });

    private static Dictionary<string, StoreItem> Changes(params (string Key, JsonElement Value, string? ETag)[] items) =>
        items.ToDictionary(i => i.Key, i => new StoreItem(i.Value, i.ETag), StringComparer.Ordinal);
}
