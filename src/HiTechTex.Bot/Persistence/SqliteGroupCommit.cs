using System.Data.Common;
using System.Threading.Channels;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// The single writer of a SQLite <see cref="SqlSessionPool"/>: the writes that wait while a transaction runs go into
/// the next one together (group commit). SQLite has one writer at a time anyway; what a transaction costs beyond its
/// statements — the lock, the write-ahead-log frames of the touched pages, the commit, the checkpoints — is then paid
/// once per batch instead of once per write, and no turn waits for another turn's thread to hand the lock over.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each write of a batch of several runs inside its own <c>SAVEPOINT</c>: when it throws (an ETag conflict,
/// say) only its own changes are rolled back and it alone gets the exception; the others commit.</item>
/// <item>A write's task completes only after the COMMIT of its batch: what a caller was told is written is durable
/// (as durable as the WAL with <c>synchronous=NORMAL</c> makes any commit). A failed COMMIT fails every write of the
/// batch.</item>
/// <item>No write waits for company: the writer takes what is queued when it gets to it, so a lone write costs what
/// it cost before and a busy bot gets batches by itself.</item>
/// <item>The batch holds the process's <see cref="DatabaseWriteGate"/>, so the EF Core writes of the features, which
/// queue there, never meet it as a locked database.</item>
/// <item>The writer keeps one connection (one slot of the pool) for all its batches and gives it up only when a batch
/// fails — then the next batch opens another.</item>
/// </list>
/// </remarks>
internal sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>The most writes in one transaction (a bound on how long one batch keeps the next one waiting).</summary>
    public const int MaxBatch = 64;

    private static readonly SqlStatement Savepoint = new("SAVEPOINT htt_write");
    private static readonly SqlStatement Release = new("RELEASE htt_write");
    private static readonly SqlStatement RollbackTo = new("ROLLBACK TO htt_write");

    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, ValueTask<SqlSession>> openSession;
    private readonly DatabaseWriteGate? gate;
    private readonly Lock startLock = new();
    private Task? writer;
    private long commits;

    // The writer keeps one connection from batch to batch: a connection's page cache survives its own commits, so
    // the B-tree pages the last batch touched are still there for the next one (a connection that another one
    // committed past must drop its whole cache and read the pages again).
    private SqlSession? writerSession;

    public SqliteGroupCommit(Func<CancellationToken, ValueTask<SqlSession>> openSession, DatabaseWriteGate? gate)
    {
        this.openSession = openSession;
        this.gate = gate;
    }

    /// <summary>How many transactions the writer has committed (for tests: batching is observable).</summary>
    public long Commits => Interlocked.Read(ref commits);

    public Task<T> WriteAsync<T>(SqlWork<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(work, cancellationToken);
        EnsureStarted();
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqlSessionPool));
        }

        return pending.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        Task? running;
        lock (startLock)
        {
            running = writer;
        }

        if (running is not null)
        {
            await running.ConfigureAwait(false);
        }

        // The writer has stopped: its connection goes back to the pool (which closes it when disposed after this).
        if (writerSession is { } session)
        {
            writerSession = null;
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref writer) is not null)
        {
            return;
        }

        lock (startLock)
        {
            // The writer outlives the turn that happens to start it: it must not carry that turn's async locals
            // (log scope, trace activity) into every later batch.
            using (ExecutionContext.SuppressFlow())
            {
                writer ??= Task.Run(RunAsync);
            }
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                // A caller that gave up before its write started gets nothing written.
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Fail(new OperationCanceledException(pending.CancellationToken));
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task RunBatchAsync(List<PendingWrite> batch)
    {
        // The writes' own tokens stop nothing once a batch has started: a half-run batch helps no one.
        var none = CancellationToken.None;
        try
        {
            using (gate is null ? default : await gate.EnterAsync(none).ConfigureAwait(false))
            {
                var session = writerSession ??= await openSession(none).ConfigureAwait(false);
                try
                {
                    await using var transaction = await session.Connection.BeginTransactionAsync(none).ConfigureAwait(false);
                    if (batch.Count == 1)
                    {
                        // Alone in its transaction: the transaction is its savepoint.
                        if (!await batch[0].TryRunAsync(session, transaction).ConfigureAwait(false))
                        {
                            await transaction.RollbackAsync(none).ConfigureAwait(false);
                            return;
                        }
                    }
                    else
                    {
                        foreach (var pending in batch)
                        {
                            await ExecuteAsync(session, Savepoint, transaction).ConfigureAwait(false);
                            var succeeded = await pending.TryRunAsync(session, transaction).ConfigureAwait(false);
                            if (!succeeded)
                            {
                                await ExecuteAsync(session, RollbackTo, transaction).ConfigureAwait(false);
                            }

                            await ExecuteAsync(session, Release, transaction).ConfigureAwait(false);
                        }
                    }

                    await transaction.CommitAsync(none).ConfigureAwait(false);
                    Interlocked.Increment(ref commits);
                }
                catch
                {
                    // The connection may be mid-transaction or broken: closed instead of kept (the next batch opens
                    // another).
                    writerSession = null;
                    session.Reusable = false;
                    await session.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.FailIfSucceeded(e);
            }
        }
        finally
        {
            // Completed after the gate is left: the callers' continuations run elsewhere.
            foreach (var pending in batch)
            {
                pending.Complete();
            }
        }
    }

    private static Task<int> ExecuteAsync(SqlSession session, SqlStatement statement, DbTransaction transaction) =>
        session.Command(statement, transaction).ExecuteNonQueryAsync(CancellationToken.None);

    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Runs the work; false (and the exception kept for its caller) when it threw.</summary>
        public abstract Task<bool> TryRunAsync(SqlSession session, DbTransaction transaction);

        /// <summary>The batch failed after this write ran: its result is void.</summary>
        public abstract void FailIfSucceeded(Exception exception);

        public abstract void Fail(Exception exception);

        /// <summary>Hands the result or the exception to the caller.</summary>
        public abstract void Complete();
    }

    private sealed class PendingWrite<T>(SqlWork<T> work, CancellationToken cancellationToken) : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private Exception? error;

        public Task<T> Task => completion.Task;

        public override async Task<bool> TryRunAsync(SqlSession session, DbTransaction transaction)
        {
            try
            {
                result = await work(session, transaction, CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            catch (Exception e)
            {
                error = e;
                return false;
            }
        }

        public override void FailIfSucceeded(Exception exception) => error ??= exception;

        public override void Fail(Exception exception)
        {
            error = exception;
            Complete();
        }

        public override void Complete()
        {
            if (error is OperationCanceledException canceled)
            {
                completion.TrySetCanceled(canceled.CancellationToken);
            }
            else if (error is not null)
            {
                completion.TrySetException(error);
            }
            else
            {
                completion.TrySetResult(result!);
            }
        }
    }
}
