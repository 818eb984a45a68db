using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Open connections for the per-turn storage calls (<see cref="SqlStorage"/>, <see cref="SqlProcessedActivityStore"/>,
/// <see cref="SqlConversationReferenceStore"/>), which run plain ADO.NET instead of a DI scope and a
/// <see cref="BotDbContext"/> per call: those cost more CPU than the SQL itself (3–4 per turn, measured ~8 ms of CPU
/// per turn before). Features keep using <see cref="BotDbContext"/>; the schema stays EF Core's.
/// </summary>
/// <remarks>
/// SQLite: at most <see cref="MaxSqliteConnections"/> connections, which stay open in this pool with their compiled
/// statements and get the <see cref="SqlitePragmaInterceptor.Pragmas"/> once, when opened. A caller beyond that waits
/// (asynchronously) for one: each SQLite connection has its own page cache (~2 MB), and with one writer at a time
/// more connections than cores buy nothing but memory. Every session is returned before another is taken, so the
/// bound cannot deadlock. PostgreSQL: an <see cref="NpgsqlDataSource"/> (Npgsql's own pool) hands out a connection
/// per call.
/// </remarks>
internal sealed class SqlSessionPool : IAsyncDisposable
{
    private readonly ConcurrentBag<SqlSession> idle = [];
    private readonly SemaphoreSlim sqliteSlots = new(MaxSqliteConnections, MaxSqliteConnections);
    private readonly NpgsqlDataSource? dataSource;
    private readonly SqliteGroupCommit? groupCommit;
    private readonly string connectionString;
    private bool disposed;

    /// <param name="isSqlite">SQLite (else PostgreSQL).</param>
    /// <param name="connectionString">The provider's connection string.</param>
    /// <param name="writeGate">SQLite: the process's write gate, held by each batch of <see cref="WriteAsync{T}"/>.</param>
    public SqlSessionPool(bool isSqlite, string connectionString, DatabaseWriteGate? writeGate = null)
    {
        IsSqlite = isSqlite;
        this.connectionString = connectionString;
        if (isSqlite)
        {
            groupCommit = new SqliteGroupCommit(OpenAsync, writeGate);
        }
        else
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
    }

    /// <summary>The pool of the host's configured database.</summary>
    public SqlSessionPool(BotDatabase database, DatabaseWriteGate? writeGate = null)
        : this(database.IsSqlite, database.ConnectionString, writeGate)
    {
    }

    /// <summary>SQLite: the transactions the group commit has committed so far (0 on PostgreSQL).</summary>
    internal long GroupCommits => groupCommit?.Commits ?? 0;

    /// <summary>The most SQLite connections open at once (per pool, so per process in the host).</summary>
    public static int MaxSqliteConnections { get; } = Math.Clamp(Environment.ProcessorCount * 2, 4, 16);

    public bool IsSqlite { get; }

    /// <summary>Lends an open connection; dispose the session to give it back.</summary>
    public async ValueTask<SqlSession> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (dataSource is not null)
        {
            var npgsql = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return new SqlSession(npgsql, this, cacheCommands: false);
        }

        await sqliteSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (idle.TryTake(out var pooled))
        {
            return pooled;
        }

        var sqlite = new SqliteConnection(connectionString);
        try
        {
            await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = sqlite.CreateCommand();
            pragmas.CommandText = SqlitePragmaInterceptor.Pragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await sqlite.DisposeAsync().ConfigureAwait(false);
            sqliteSlots.Release();
            throw;
        }

        return new SqlSession(sqlite, this, cacheCommands: true);
    }

    /// <summary>
    /// Runs a write and returns its result once it is committed. SQLite: the writes waiting at the same moment share
    /// one transaction (<see cref="SqliteGroupCommit"/>), each undone alone when it throws. PostgreSQL: a connection of
    /// its own, in a transaction of its own when <paramref name="transactional"/> (a single statement needs none).
    /// </summary>
    public async Task<T> WriteAsync<T>(SqlWork<T> work, bool transactional, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (groupCommit is not null)
        {
            return await groupCommit.WriteAsync(work, cancellationToken).ConfigureAwait(false);
        }

        await using var session = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!transactional)
        {
            return await work(session, null, cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(session, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Takes back a SQLite session: pooled when <paramref name="keep"/>, else just its slot (it is closed).</summary>
    internal bool TryReturn(SqlSession session, bool keep)
    {
        var pooled = keep && !disposed;
        if (pooled)
        {
            idle.Add(session);
        }

        sqliteSlots.Release();
        return pooled;
    }

    public async ValueTask DisposeAsync()
    {
        // The queued writes finish first (the group commit needs the connections).
        if (groupCommit is not null)
        {
            await groupCommit.DisposeAsync().ConfigureAwait(false);
        }

        disposed = true;
        while (idle.TryTake(out var session))
        {
            await session.CloseAsync().ConfigureAwait(false);
        }

        if (dataSource is not null)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
