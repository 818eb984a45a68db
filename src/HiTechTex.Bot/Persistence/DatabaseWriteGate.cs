namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Serializes this process's writes when the database is SQLite. SQLite has one writer at a time; left to itself a
/// blocked writer is retried by Microsoft.Data.Sqlite with 150 ms sleeps, which under concurrent turns turns a
/// sub-millisecond write into a queue of sleeps (measured: ~280 turns/s instead of thousands). An async gate queues
/// the writers without sleeping. PostgreSQL needs no gate (row locks and conflicts are the database's job there).
/// SQLite is the single-instance default; several instances must share PostgreSQL.
/// </summary>
internal sealed class DatabaseWriteGate(bool isSqlite)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for this process's turn to write; dispose the result to let the next writer in.</summary>
    public async ValueTask<Lease> EnterAsync(CancellationToken cancellationToken)
    {
        if (!isSqlite)
        {
            return default;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Lease(gate);
    }

    /// <summary>Holds the gate until disposed (a no-op lease for PostgreSQL).</summary>
    public readonly struct Lease(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
