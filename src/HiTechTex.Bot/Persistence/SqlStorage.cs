using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Protocol.State;
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
/// A singleton over <see cref="SqlSessionPool"/> (plain ADO.NET: this runs two to three times per turn); the table
/// is the EF Core entity <see cref="StateItemEntity"/>, whose migrations own the schema.
/// </remarks>
internal sealed class SqlStorage(SqlSessionPool pool, TimeProvider timeProvider, ILogger<SqlStorage>? logger = null) : IPrefixDeletingStorage
{
    private static readonly DateTimeOffsetToBinaryConverter UpdatedAtConverter = new();

    // One statement object per key count, so each session compiles it once (sessions cache by statement object).
    private static readonly ConcurrentDictionary<int, SqlStatement> ReadStatements = new();

    private static readonly ConcurrentDictionary<int, SqlStatement> DeleteStatements = new();

    private static readonly SqlStatement Upsert = new("""
        INSERT INTO "StateItems" ("Key", "Document", "ETag", "UpdatedAt") VALUES (@key, @document, @etag, @updatedAt)
        ON CONFLICT ("Key") DO UPDATE SET "Document" = excluded."Document", "ETag" = excluded."ETag", "UpdatedAt" = excluded."UpdatedAt"
        """, "@key", "@document", "@etag", "@updatedAt");

    private static readonly SqlStatement InsertOnly = new("""
        INSERT INTO "StateItems" ("Key", "Document", "ETag", "UpdatedAt") VALUES (@key, @document, @etag, @updatedAt)
        ON CONFLICT ("Key") DO NOTHING
        """, "@key", "@document", "@etag", "@updatedAt");

    private static readonly SqlStatement Update = new("""
        UPDATE "StateItems" SET "Document" = @document, "ETag" = @etag, "UpdatedAt" = @updatedAt
        WHERE "Key" = @key AND "ETag" = @expected
        """, "@key", "@document", "@etag", "@updatedAt", "@expected");

    // substr, not LIKE: conversation ids may hold '_' or '%', which LIKE would take as wildcards. A scan, for a rare call.
    private static readonly SqlStatement DeletePrefix = new(
        """DELETE FROM "StateItems" WHERE substr("Key", 1, @length) = @prefix""", "@prefix", "@length");

    // Lengths in characters, as substr and length count them on both databases.
    private static readonly SqlStatement DeletePrefixAndSuffix = new(
        """
        DELETE FROM "StateItems"
        WHERE substr("Key", 1, @prefixLength) = @prefix
          AND length("Key") >= @prefixLength + @suffixLength
          AND substr("Key", length("Key") - @suffixLength + 1) = @suffix
        """, "@prefix", "@prefixLength", "@suffix", "@suffixLength");

    private static readonly SqlStatement ReadETag = new("""SELECT "ETag" FROM "StateItems" WHERE "Key" = @key""", "@key");

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var wanted = keys.Count == 1 ? keys : [.. keys.Distinct(StringComparer.Ordinal)];
        await using var session = await pool.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = session.Command(ReadStatements.GetOrAdd(wanted.Count, ReadStatement));
            var i = 0;
            foreach (var key in wanted)
            {
                command.Parameters[i++].Value = key;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                result[key] = new StoreItem(ReadDocument(reader, pool.IsSqlite, key), reader.GetString(2));
            }
        }
        catch
        {
            session.Reusable = false;
            throw;
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

        // One transaction for the batch (on SQLite shared with the other writes waiting at the moment, each undone
        // alone when it fails): the first conflict throws, and everything this batch wrote is rolled back.
        return await pool.WriteAsync(
            async (session, transaction, ct) =>
            {
                // A fixed key order, so two batches touching the same keys lock them in the same order (no deadlock).
                IEnumerable<KeyValuePair<string, StoreItem>> ordered = changes.Count == 1 ? changes : changes.OrderBy(c => c.Key, StringComparer.Ordinal);
                foreach (var (key, change) in ordered)
                {
                    var etag = Guid.NewGuid().ToString("N");
                    var command = session.Command(change.ETag switch { "*" => Upsert, null or "" => InsertOnly, _ => Update }, transaction);
                    command.Parameters[0].Value = key;
                    command.Parameters[1].Value = change.Value.GetRawText();
                    command.Parameters[2].Value = etag;
                    command.Parameters[3].Value = updatedAt;
                    if (command.Parameters.Count > 4)
                    {
                        command.Parameters[4].Value = change.ETag;
                    }

                    if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                    {
                        var actual = await ReadETagAsync(session, transaction, key, ct).ConfigureAwait(false);
                        throw new StorageConcurrencyException(key, change.ETag, actual);
                    }

                    etags[key] = etag;
                }

                return (IReadOnlyDictionary<string, string>)etags;
            },
            transactional: true,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var doomed = keys.Distinct(StringComparer.Ordinal).ToList();
        await pool.WriteAsync(
            (session, transaction, ct) =>
            {
                var command = session.Command(DeleteStatements.GetOrAdd(doomed.Count, DeleteStatement), transaction);
                for (var i = 0; i < doomed.Count; i++)
                {
                    command.Parameters[i].Value = doomed[i];
                }

                return command.ExecuteNonQueryAsync(ct);
            },
            transactional: false,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return pool.WriteAsync(
            (session, transaction, ct) =>
            {
                var command = session.Command(DeletePrefix, transaction);
                command.Parameters[0].Value = prefix;
                command.Parameters[1].Value = prefix.EnumerateRunes().Count();   // characters, as substr counts them
                return command.ExecuteNonQueryAsync(ct);
            },
            transactional: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> DeleteByPrefixAndSuffixAsync(string prefix, string suffix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(suffix);
        return pool.WriteAsync(
            (session, transaction, ct) =>
            {
                var command = session.Command(DeletePrefixAndSuffix, transaction);
                command.Parameters[0].Value = prefix;
                command.Parameters[1].Value = prefix.EnumerateRunes().Count();
                command.Parameters[2].Value = suffix;
                command.Parameters[3].Value = suffix.EnumerateRunes().Count();
                return command.ExecuteNonQueryAsync(ct);
            },
            transactional: false,
            cancellationToken);
    }

    /// <summary>
    /// The stored JSON document as an element that owns its data. SQLite hands out the UTF-8 text as it is stored:
    /// parsed from those bytes, without a UTF-16 string in between and without parsing twice (parse, then clone).
    /// A document that is not JSON (cut short, edited by hand) is logged and read as an undefined element with its
    /// row's ETag: the state reads as empty and the turn's save replaces it, where throwing failed every turn of that
    /// conversation or user for good.
    /// </summary>
    private JsonElement ReadDocument(DbDataReader reader, bool isSqlite, string key)
    {
        try
        {
            if (isSqlite)
            {
                var utf8 = reader.GetFieldValue<byte[]>(1);
                var json = new Utf8JsonReader(utf8);
                return JsonElement.ParseValue(ref json);
            }

            using var document = JsonDocument.Parse(reader.GetString(1));
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            if (logger is not null)
            {
                Log.StateDocumentUnreadable(logger, key, exception);
            }

            return default;
        }
    }

    private static async Task<string?> ReadETagAsync(SqlSession session, DbTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        var command = session.Command(ReadETag, transaction);
        command.Parameters[0].Value = key;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static SqlStatement ReadStatement(int count)
    {
        var names = KeyParameters(count);
        return new SqlStatement($"""SELECT "Key", "Document", "ETag" FROM "StateItems" WHERE "Key" IN ({string.Join(", ", names)})""", names);
    }

    private static SqlStatement DeleteStatement(int count)
    {
        var names = KeyParameters(count);
        return new SqlStatement($"""DELETE FROM "StateItems" WHERE "Key" IN ({string.Join(", ", names)})""", names);
    }

    private static string[] KeyParameters(int count) => [.. Enumerable.Range(0, count).Select(i => $"@k{i}")];
}
