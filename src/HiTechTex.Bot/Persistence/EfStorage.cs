using System.Text.Json;
using HiTechTex.Bot.Protocol.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Bot state in the bot's database (table <c>StateItems</c>) under the <see cref="IStorage"/> ETag rules. The
/// concurrency check is done by the database, not in memory, so two bot instances sharing one database can never
/// overwrite each other silently: an ETag write is <c>UPDATE … WHERE "Key" = k AND "ETag" = e</c>, an insert-only
/// write is <c>INSERT … ON CONFLICT DO NOTHING</c>, and zero affected rows is a conflict. A batch is one
/// transaction, rolled back on the first conflict.
/// </summary>
/// <remarks>
/// A singleton (state objects built over it may be singletons too) that opens a short-lived scope, and so a
/// <see cref="BotDbContext"/> of the configured provider, per call: a context is not thread-safe and concurrent
/// turns share this storage.
/// </remarks>
internal sealed class EfStorage(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IStorage
{
    private static readonly DateTimeOffsetToBinaryConverter UpdatedAtConverter = new();

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.StateItems.AsNoTracking()
            .Where(e => wanted.Contains(e.Key))
            .Select(e => new { e.Key, e.Document, e.ETag })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            using var document = JsonDocument.Parse(row.Document);
            result[row.Key] = new StoreItem(document.RootElement.Clone(), row.ETag);
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return etags;
        }

        var updatedAt = (long)UpdatedAtConverter.ConvertToProvider(timeProvider.GetUtcNow())!;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using var writeLease = await EnterWriteAsync(scope.ServiceProvider, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A fixed key order, so two batches touching the same keys lock them in the same order (no deadlock).
        foreach (var (key, change) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var document = change.Value.GetRawText();
            var etag = Guid.NewGuid().ToString("N");
            var affected = change.ETag switch
            {
                "*" => await db.Database.ExecuteSqlInterpolatedAsync($$"""
                    INSERT INTO "StateItems" ("Key", "Document", "ETag", "UpdatedAt") VALUES ({{key}}, {{document}}, {{etag}}, {{updatedAt}})
                    ON CONFLICT ("Key") DO UPDATE SET "Document" = excluded."Document", "ETag" = excluded."ETag", "UpdatedAt" = excluded."UpdatedAt"
                    """, cancellationToken),
                null or "" => await db.Database.ExecuteSqlInterpolatedAsync($$"""
                    INSERT INTO "StateItems" ("Key", "Document", "ETag", "UpdatedAt") VALUES ({{key}}, {{document}}, {{etag}}, {{updatedAt}})
                    ON CONFLICT ("Key") DO NOTHING
                    """, cancellationToken),
                _ => await db.Database.ExecuteSqlInterpolatedAsync($$"""
                    UPDATE "StateItems" SET "Document" = {{document}}, "ETag" = {{etag}}, "UpdatedAt" = {{updatedAt}}
                    WHERE "Key" = {{key}} AND "ETag" = {{change.ETag}}
                    """, cancellationToken),
            };
            if (affected != 1)
            {
                var actual = await db.StateItems.AsNoTracking().Where(e => e.Key == key).Select(e => e.ETag).FirstOrDefaultAsync(cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
                throw new StorageConcurrencyException(key, change.ETag, actual);
            }

            etags[key] = etag;
        }

        await transaction.CommitAsync(cancellationToken);
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var doomed = keys.Distinct(StringComparer.Ordinal).ToList();
        using var writeLease = await EnterWriteAsync(scope.ServiceProvider, cancellationToken);
        await db.StateItems.Where(e => doomed.Contains(e.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    // The gate is registered by AddBotPersistence; a hand-built service provider (unit tests) may go without it.
    private static ValueTask<DatabaseWriteGate.Lease> EnterWriteAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<DatabaseWriteGate>()?.EnterAsync(cancellationToken) ?? default;
}
