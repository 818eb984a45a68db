using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The partner directory in the bot's database (<see cref="OrganisationEntity"/>), keeping this instance's
/// <see cref="PartnerSearchIndex"/> consistent: a change made here is in the index when the call returns; changes
/// made by other instances sharing the database are picked up by <see cref="SyncIndexAsync"/> (run periodically by
/// <see cref="PartnerDirectoryStartup"/>) through the change counter (<see cref="PartnerChangeCounterEntity"/>).
/// A singleton with a context per call, like <see cref="EfStorage"/>.
/// </summary>
internal sealed class EfPartnerDirectory(IServiceScopeFactory scopeFactory, PartnerSearchIndex index, ILogger<EfPartnerDirectory> logger) : IPartnerDirectory
{
    // Ids per "WHERE Id IN (…)" query (see RowsAsync): well under every provider's limit of SQL parameters.
    internal const int IdsPerQuery = 1_000;

    private readonly SemaphoreSlim _sync = new(1, 1);
    private long _lastSeen = -1;

    // The last full list and the change counter it was read at (ListAsync); replaced whole, never changed.
    private volatile ListedOrganisations? _listed;

    /// <summary>The newest change this instance's index has applied from the database (-1 before start-up).</summary>
    public long LastSeenSequence => Interlocked.Read(ref _lastSeen);

    public async Task<Organisation?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await FindVersionedAsync(id, cancellationToken).ConfigureAwait(false))?.Organisation;

    /// <summary>
    /// Every organisation not deleted, ordered by id, as the database has it now (changes by any instance included).
    /// Asked on ordinary turns (an organisation's name typed alone, a contact's "pending approvals", the profile's
    /// organisation question), so the list is kept between calls: each call reads the change counter — one row — and
    /// reads the organisations again only when it has moved. The counter is read before the rows, and every write
    /// increments it in its own transaction, so a kept list is never older than the counter it is kept under.
    /// </summary>
    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var sequence = await CurrentSequenceAsync(db, cancellationToken).ConfigureAwait(false);
        if (_listed is { } kept && kept.Sequence == sequence)
        {
            return kept.Organisations;
        }

        var rows = await db.Set<OrganisationEntity>().AsNoTracking().Where(e => !e.IsDeleted)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var organisations = Array.AsReadOnly(rows.Select(PartnerRows.ToOrganisation).OrderBy(o => o.Id, StringComparer.Ordinal).ToArray());
        _listed = new ListedOrganisations(sequence, organisations);
        return organisations;
    }

    public async Task UpsertAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        await WriteAsync(async (db, sequence) =>
        {
            var row = await db.Set<OrganisationEntity>().FirstOrDefaultAsync(e => e.Id == organisation.Id, cancellationToken).ConfigureAwait(false);
            Write(db, row, organisation, sequence);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        index.Upsert(organisation);
    }

    public async Task<VersionedOrganisation?> FindVersionedAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var row = await db.Set<OrganisationEntity>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id && !e.IsDeleted, cancellationToken).ConfigureAwait(false);
        return row is null ? null : new VersionedOrganisation(PartnerRows.ToOrganisation(row), row.UpdatedSeq);
    }

    /// <remarks>
    /// The version is the row's <see cref="OrganisationEntity.UpdatedSeq"/>. The check runs in the write's transaction
    /// after the change counter's update, which every write makes first: on PostgreSQL that row lock (and on SQLite the
    /// write gate) orders concurrent writes, so the row read here is the last committed one.
    /// </remarks>
    public async Task<bool> UpsertIfVersionAsync(Organisation organisation, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var written = await WriteAsync(async (db, sequence) =>
        {
            var row = await db.Set<OrganisationEntity>().FirstOrDefaultAsync(e => e.Id == organisation.Id, cancellationToken).ConfigureAwait(false);
            var current = row is { IsDeleted: false } ? row.UpdatedSeq : (long?)null;
            if (current != expectedVersion)
            {
                return false;
            }

            Write(db, row, organisation, sequence);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (written)
        {
            index.Upsert(organisation);
        }

        return written;
    }

    // A new row, or the stored one (a tombstone included) overwritten.
    private static void Write(BotDbContext db, OrganisationEntity? row, Organisation organisation, long sequence)
    {
        if (row is null)
        {
            db.Add(PartnerRows.ToEntity(organisation, sequence));
        }
        else
        {
            PartnerRows.Copy(organisation, row, sequence);
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await WriteAsync(async (db, sequence) =>
        {
            var row = await db.Set<OrganisationEntity>().FirstOrDefaultAsync(e => e.Id == id && !e.IsDeleted, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            // A tombstone, so other instances remove it from their index too.
            row.IsDeleted = true;
            row.UpdatedSeq = sequence;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            index.Delete(id);
        }

        return deleted;
    }

    /// <summary>
    /// Adds or replaces many organisations in one transaction (all or nothing), then rebuilds the index. For the
    /// import: <paramref name="organisations"/> must already be validated.
    /// </summary>
    public async Task ImportAsync(IReadOnlyCollection<Organisation> organisations, CancellationToken cancellationToken = default)
    {
        await WriteAsync(async (db, sequence) =>
        {
            var existing = (await RowsAsync(db, organisations.Select(o => o.Id), cancellationToken).ConfigureAwait(false))
                .ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var organisation in organisations)
            {
                if (existing.TryGetValue(organisation.Id, out var row))
                {
                    PartnerRows.Copy(organisation, row, sequence);
                }
                else
                {
                    db.Add(PartnerRows.ToEntity(organisation, sequence));
                }
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        await SyncIndexAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Start-up: adds the seed organisations that were never in the database (an entry edited or deleted since is
    /// left as it is), removes the demo set when it is switched off, then rebuilds the index if it is missing or
    /// stale. Idempotent; safe when several instances start together (a lost insert race is retried).
    /// </summary>
    public async Task InitializeAsync(PartnersOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var seed = PartnerSeedData.Create(options);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SeedAsync(seed, removeDemo: !options.SeedDemoData, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another instance inserted the same seed rows first; read again and add what is still missing.
            }
        }

        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();

            // The counter first: rows changed after it are applied again by the next sync, which is harmless.
            var sequence = await CurrentSequenceAsync(db, cancellationToken).ConfigureAwait(false);
            var rows = await db.Set<OrganisationEntity>().AsNoTracking().Where(e => !e.IsDeleted).ToListAsync(cancellationToken).ConfigureAwait(false);
            index.EnsureCurrent([.. rows.Select(PartnerRows.ToOrganisation)], sequence);
            Interlocked.Exchange(ref _lastSeen, sequence);
        }
        finally
        {
            _sync.Release();
        }
    }

    /// <summary>Applies to the index every row changed (by any instance) since the last change it saw.</summary>
    /// <returns>The number of rows applied.</returns>
    public async Task<int> SyncIndexAsync(CancellationToken cancellationToken = default)
    {
        await _sync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var since = Interlocked.Read(ref _lastSeen);
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var rows = await db.Set<OrganisationEntity>().AsNoTracking().Where(e => e.UpdatedSeq > since)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return 0;
            }

            var newest = rows.Max(r => r.UpdatedSeq);
            index.Apply(
                rows.Where(r => !r.IsDeleted).Select(PartnerRows.ToOrganisation),
                rows.Where(r => r.IsDeleted).Select(r => r.Id),
                newest);
            Interlocked.Exchange(ref _lastSeen, newest);
            Log.PartnerIndexSynced(logger, rows.Count, newest);
            return rows.Count;
        }
        finally
        {
            _sync.Release();
        }
    }

    private async Task SeedAsync(IReadOnlyList<Organisation> seed, bool removeDemo, CancellationToken cancellationToken)
    {
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var known = await KnownAsync(db, cancellationToken).ConfigureAwait(false);
            if (!NeedsSeeding(seed, known, removeDemo))
            {
                return;
            }
        }

        var added = await WriteAsync(async (db, sequence) =>
        {
            var known = await KnownAsync(db, cancellationToken).ConfigureAwait(false);
            var missing = seed.Where(o => !known.ContainsKey(o.Id)).ToList();
            db.AddRange(missing.Select(o => PartnerRows.ToEntity(o, sequence)));

            // Demo entries removed by switching the demo off come back when it is switched on again; a real entry
            // that was deleted stays deleted.
            var revived = seed.Where(o => o.IsDemo && known.TryGetValue(o.Id, out var row) && row.IsDeleted && row.IsDemo).ToDictionary(o => o.Id, StringComparer.Ordinal);
            if (revived.Count > 0)
            {
                foreach (var row in await RowsAsync(db, revived.Keys, cancellationToken).ConfigureAwait(false))
                {
                    PartnerRows.Copy(revived[row.Id], row, sequence);
                }
            }

            if (removeDemo)
            {
                await db.Set<OrganisationEntity>().Where(e => e.IsDemo && !e.IsDeleted)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.IsDeleted, true).SetProperty(e => e.UpdatedSeq, sequence), cancellationToken)
                    .ConfigureAwait(false);
            }

            return missing.Count + revived.Count;
        }, cancellationToken).ConfigureAwait(false);
        Log.PartnerDirectorySeeded(logger, added, removeDemo);
    }

    /// <summary>
    /// The tracked rows with these ids, read <see cref="IdsPerQuery"/> ids at a time: <c>ids.Contains(e.Id)</c> makes
    /// one SQL parameter per id, and SQLite refuses a statement with more than 32,766 (PostgreSQL more than 65,535).
    /// </summary>
    private static async Task<List<OrganisationEntity>> RowsAsync(BotDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var rows = new List<OrganisationEntity>();
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            rows.AddRange(await db.Set<OrganisationEntity>().Where(e => chunk.Contains(e.Id)).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    private static async Task<Dictionary<string, (bool IsDeleted, bool IsDemo)>> KnownAsync(BotDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<OrganisationEntity>().AsNoTracking().Select(e => new { e.Id, e.IsDeleted, e.IsDemo }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Id, e => (e.IsDeleted, e.IsDemo), StringComparer.Ordinal);

    private static bool NeedsSeeding(IReadOnlyList<Organisation> seed, Dictionary<string, (bool IsDeleted, bool IsDemo)> known, bool removeDemo) =>
        seed.Any(o => !known.TryGetValue(o.Id, out var row) || (o.IsDemo && row.IsDeleted && row.IsDemo))
        || (removeDemo && known.Values.Any(r => r.IsDemo && !r.IsDeleted));

    /// <summary>One write: the counter incremented and the change made in one transaction (SQLite writes go through the gate).</summary>
    private async Task<T> WriteAsync<T>(Func<BotDbContext, long, Task<T>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using var lease = await EnterWriteAsync(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(
            """UPDATE "PartnerChangeCounter" SET "Value" = "Value" + 1 WHERE "Id" = 1""", cancellationToken).ConfigureAwait(false);
        var sequence = await CurrentSequenceAsync(db, cancellationToken).ConfigureAwait(false);
        var result = await change(db, sequence).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static Task<long> CurrentSequenceAsync(BotDbContext db, CancellationToken cancellationToken) =>
        db.Set<PartnerChangeCounterEntity>().AsNoTracking()
            .Where(c => c.Id == PartnerChangeCounterEntity.SingletonId).Select(c => c.Value).SingleAsync(cancellationToken);

    // The gate is registered by AddBotPersistence; a hand-built service provider (tests) may go without it.
    private static ValueTask<DatabaseWriteGate.Lease> EnterWriteAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<DatabaseWriteGate>()?.EnterAsync(cancellationToken) ?? default;

    private sealed record ListedOrganisations(long Sequence, IReadOnlyList<Organisation> Organisations);
}
