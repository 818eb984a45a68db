using System.Text.Json;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Persistence;

/// <summary>The <see cref="IStorage"/> ETag contract of <see cref="SqlStorage"/>, run on each provider.</summary>
public abstract class SqlStorageTests(DatabaseFixture database)
{
    // Built on first use, after the skip check: without a configured server the fixture has no pool.
    private SqlStorage? storage;

    private SqlStorage Storage => storage ??= new(database.Pool, TimeProvider.System);

    [SkippableFact]
    public async Task WriteAsync_NewKeyWithoutETag_InsertsAndReadsBack()
    {
        SkipUnlessAvailable();
        var key = NewKey();

        var etags = await Storage.WriteAsync(Changes((key, Doc(1), null)));
        var read = await Storage.ReadAsync([key, NewKey()]);

        var item = Assert.Single(read);
        Assert.Equal(key, item.Key);
        Assert.Equal(1, item.Value.Value.GetProperty("n").GetInt32());
        Assert.Equal(etags[key], item.Value.ETag);
    }

    [SkippableFact]
    public async Task WriteAsync_InsertOnlyOnExistingKey_ThrowsAndKeepsStoredItem()
    {
        SkipUnlessAvailable();
        var key = NewKey();
        var etags = await Storage.WriteAsync(Changes((key, Doc(1), null)));

        var e = await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(Changes((key, Doc(2), ""))));

        Assert.Equal(key, e.Key);
        Assert.Equal(etags[key], e.ActualETag);
        Assert.Equal(1, await ReadNAsync(key));
    }

    [SkippableFact]
    public async Task WriteAsync_CurrentETag_ReplacesAndReturnsNewETag()
    {
        SkipUnlessAvailable();
        var key = NewKey();
        var first = (await Storage.WriteAsync(Changes((key, Doc(1), null))))[key];

        var second = (await Storage.WriteAsync(Changes((key, Doc(2), first))))[key];

        Assert.NotEqual(first, second);
        Assert.Equal(2, await ReadNAsync(key));
        Assert.Equal(second, (await Storage.ReadAsync([key]))[key].ETag);
    }

    [SkippableFact]
    public async Task WriteAsync_StaleETag_ThrowsAndKeepsNewerItem()
    {
        SkipUnlessAvailable();
        var key = NewKey();
        var stale = (await Storage.WriteAsync(Changes((key, Doc(1), null))))[key];
        await Storage.WriteAsync(Changes((key, Doc(2), stale)));

        var e = await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(Changes((key, Doc(3), stale))));

        Assert.Equal(stale, e.ExpectedETag);
        Assert.Equal(2, await ReadNAsync(key));
    }

    [SkippableFact]
    public async Task WriteAsync_ETagOnMissingKey_Throws()
    {
        SkipUnlessAvailable();
        var key = NewKey();

        var e = await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(Changes((key, Doc(1), "deleted-meanwhile"))));

        Assert.Null(e.ActualETag);
        Assert.Empty(await Storage.ReadAsync([key]));
    }

    [SkippableFact]
    public async Task WriteAsync_StarETag_OverwritesExistingAndCreatesMissing()
    {
        SkipUnlessAvailable();
        var existing = NewKey();
        var missing = NewKey();
        await Storage.WriteAsync(Changes((existing, Doc(1), null)));

        var etags = await Storage.WriteAsync(Changes((existing, Doc(5), "*"), (missing, Doc(6), "*")));

        Assert.Equal(5, await ReadNAsync(existing));
        Assert.Equal(6, await ReadNAsync(missing));
        Assert.Equal(2, etags.Count);
    }

    [SkippableFact]
    public async Task WriteAsync_OneConflictInBatch_WritesNothing()
    {
        SkipUnlessAvailable();
        var good = NewKey();
        var conflicting = NewKey();
        var fresh = NewKey();
        var goodETag = (await Storage.WriteAsync(Changes((good, Doc(1), null))))[good];
        await Storage.WriteAsync(Changes((conflicting, Doc(1), null)));

        // Keys are written in ordinal order: put the conflict between the others, so some rows were already changed.
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(Changes(
            (good, Doc(2), goodETag), (conflicting, Doc(2), "stale"), (fresh, Doc(2), null))));

        Assert.Equal(1, await ReadNAsync(good));
        Assert.Equal(goodETag, (await Storage.ReadAsync([good]))[good].ETag);
        Assert.Equal(1, await ReadNAsync(conflicting));
        Assert.Empty(await Storage.ReadAsync([fresh]));
    }

    [SkippableFact]
    public async Task DeleteAsync_Keys_RemovesThemAndIgnoresMissing()
    {
        SkipUnlessAvailable();
        var doomed = NewKey();
        var kept = NewKey();
        await Storage.WriteAsync(Changes((doomed, Doc(1), null), (kept, Doc(2), null)));

        await Storage.DeleteAsync([doomed, NewKey()]);

        var read = await Storage.ReadAsync([doomed, kept]);
        Assert.Equal([kept], read.Keys);
    }

    [SkippableFact]
    public async Task DeleteByPrefixAsync_DeletesEveryKeyUnderThePrefixAndNothingElse()
    {
        SkipUnlessAvailable();
        // '_' and '%' are LIKE wildcards: a LIKE-based delete would take the look-alike conversation too.
        var conversation = $"19:{Guid.NewGuid():N}_a%b@thread.v2";
        var prefix = $"msteams/conversations/{conversation}/users/";
        var members = new[] { prefix + "29:user-1", prefix + "29:user-2", prefix + "29:ünïcødé-3" };
        var others = new[]
        {
            $"msteams/conversations/{conversation}",
            $"msteams/conversations/{conversation.Replace("_a%b", "XaYb", StringComparison.Ordinal)}/users/29:user-1",
            $"msteams/conversations/{conversation}x/users/29:user-1",
            "msteams/users/29:user-1",
        };
        await Storage.WriteAsync(Changes([.. members.Concat(others).Select(k => (k, Doc(1), (string?)"*"))]));

        var deleted = await ((IPrefixDeletingStorage)Storage).DeleteByPrefixAsync(prefix);

        Assert.Equal(3, deleted);
        Assert.Empty(await Storage.ReadAsync(members));
        Assert.Equal(others.Order(StringComparer.Ordinal), (await Storage.ReadAsync(others)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await ((IPrefixDeletingStorage)Storage).DeleteByPrefixAsync(prefix));
    }

    [SkippableFact]
    public async Task DeleteByPrefixAndSuffixAsync_DeletesOneUsersStateInEveryConversationAndNothingElse()
    {
        SkipUnlessAvailable();
        // '_' and '%' in ids, a user id that another one ends with, and non-ASCII: characters, not bytes or patterns.
        var run = Guid.NewGuid().ToString("N");
        var user = $"29:ü_{run}%1";
        var prefix = $"msteams/conversations/";
        var suffix = $"/users/{user}";
        var mine = new[] { $"{prefix}19:a{run}@thread.v2{suffix}", $"{prefix}19:b_{run};messageid=7{suffix}", $"{prefix}a:ünï{run}{suffix}" };
        var others = new[]
        {
            $"{prefix}19:a{run}@thread.v2/users/29:other-{run}",
            $"{prefix}19:a{run}@thread.v2/users/x{user}",
            $"{prefix}19:a{run}@thread.v2/users/{user}x",
            $"{prefix}19:a{run}@thread.v2/users/29:üX{run}%1",
            $"{prefix}19:a{run}@thread.v2",
            $"msteams/users/{user}",
            $"other/conversations/19:a{run}@thread.v2{suffix}",
        };
        await Storage.WriteAsync(Changes([.. mine.Concat(others).Select(k => (k, Doc(1), (string?)"*"))]));

        var deleted = await ((IPrefixDeletingStorage)Storage).DeleteByPrefixAndSuffixAsync(prefix, suffix);

        Assert.Equal(3, deleted);
        Assert.Empty(await Storage.ReadAsync(mine));
        Assert.Equal(others.Order(StringComparer.Ordinal), (await Storage.ReadAsync(others)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await ((IPrefixDeletingStorage)Storage).DeleteByPrefixAndSuffixAsync(prefix, suffix));
    }

    [SkippableFact]
    public async Task WriteAsync_TwoConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        SkipUnlessAvailable();
        for (var round = 0; round < 10; round++)
        {
            var key = NewKey();
            var etag = (await Storage.WriteAsync(Changes((key, Doc(0), null))))[key];

            // Two instances, each with its own storage object (and so its own connections), write at the same time.
            var other = new SqlStorage(database.CreatePool(), TimeProvider.System);
            using var start = new ManualResetEventSlim();
            var a = Task.Run(() => { start.Wait(); return TryWriteAsync(Storage, key, 1, etag); });
            var b = Task.Run(() => { start.Wait(); return TryWriteAsync(other, key, 2, etag); });
            start.Set();
            var results = await Task.WhenAll(a, b);

            Assert.Single(results, r => r);
            Assert.Equal(results[0] ? 1 : 2, await ReadNAsync(key));
        }
    }

    [SkippableFact]
    public async Task WriteAsync_TwoConcurrentInsertOnlyWriters_ExactlyOneWins()
    {
        SkipUnlessAvailable();
        for (var round = 0; round < 10; round++)
        {
            var key = NewKey();
            using var start = new ManualResetEventSlim();
            var a = Task.Run(() => { start.Wait(); return TryWriteAsync(Storage, key, 1, null); });
            var b = Task.Run(() => { start.Wait(); return TryWriteAsync(Storage, key, 2, null); });
            start.Set();
            var results = await Task.WhenAll(a, b);

            Assert.Single(results, r => r);
            Assert.Equal(results[0] ? 1 : 2, await ReadNAsync(key));
        }
    }

    [SkippableFact]
    public async Task WriteAsync_ManyConcurrentTurnsOnPooledConnectionsWithSameETag_ExactlyOneWinsAndPoolStaysUsable()
    {
        SkipUnlessAvailable();
        var gated = new SqlStorage(database.Pool, TimeProvider.System);
        for (var round = 0; round < 5; round++)
        {
            var key = NewKey();
            var etag = (await gated.WriteAsync(Changes((key, Doc(0), null))))[key];

            // Sixteen turns read the same version and save at once over the shared pool: one wins, the rest conflict.
            using var start = new ManualResetEventSlim();
            var writers = Enumerable.Range(1, 16)
                .Select(n => Task.Run(() => { start.Wait(); return TryWriteAsync(gated, key, n, etag); }))
                .ToList();
            start.Set();
            var results = await Task.WhenAll(writers);

            var winner = Assert.Single(Enumerable.Range(1, 16), n => results[n - 1]);
            Assert.Equal(winner, await ReadNAsync(key));
        }

        // The conflicts rolled back their transactions: the pooled connections still read and write.
        var after = NewKey();
        await gated.WriteAsync(Changes((after, Doc(7), null)));
        Assert.Equal(7, await ReadNAsync(after));
    }

    [SkippableFact]
    public async Task ReadAsync_ManyKeys_ReturnsOnlyThoseThatExist()
    {
        SkipUnlessAvailable();
        var keys = Enumerable.Range(0, 12).Select(_ => NewKey()).ToList();
        await Storage.WriteAsync(Changes([.. keys.Where((_, i) => i % 2 == 0).Select(k => (k, Doc(3), (string?)null))]));

        var read = await Storage.ReadAsync([.. keys, keys[0]]);

        Assert.Equal(keys.Where((_, i) => i % 2 == 0).Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task ReadAsync_NonAsciiAndEscapedText_ReadsBackTheSameDocument()
    {
        // SQLite reads the stored UTF-8 bytes straight into the element: Portuguese, Turkish, Czech, an emoji and
        // escapes must come back exactly.
        SkipUnlessAvailable();
        var key = NewKey();
        var document = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["name"] = "Têxteis Ção — Şişli Örme — Liberecká tkalcovna 🧵",
            ["quote"] = "a \"quoted\" line\nand a tab\t",
            ["nested"] = new Dictionary<string, int[]> { ["n"] = [1, 2, 3] },
        });

        await Storage.WriteAsync(Changes((key, document, null)));
        var read = (await Storage.ReadAsync([key]))[key].Value;

        Assert.Equal("Têxteis Ção — Şişli Örme — Liberecká tkalcovna 🧵", read.GetProperty("name").GetString());
        Assert.Equal("a \"quoted\" line\nand a tab\t", read.GetProperty("quote").GetString());
        Assert.True(JsonElement.DeepEquals(document, read));
    }

    [SkippableFact]
    public async Task ReadAsync_ADocumentThatIsNotJson_ReadsAsUndefinedWithItsETagSoASaveReplacesIt()
    {
        // A row cut short (or edited by hand): reading it used to throw, and so fail every turn of its conversation or
        // user for good. Now it reads as no state, with the row's ETag, and the turn's save replaces it.
        SkipUnlessAvailable();
        var key = NewKey();
        await using (var scope = database.ScopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            db.StateItems.Add(new StateItemEntity { Key = key, Document = """{"dialogState":{"dialogSt""", ETag = "cut-short", UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var read = (await Storage.ReadAsync([key]))[key];

        Assert.Equal(JsonValueKind.Undefined, read.Value.ValueKind);
        Assert.Equal("cut-short", read.ETag);
        await Storage.WriteAsync(Changes((key, Doc(1), read.ETag)));
        Assert.Equal(1, await ReadNAsync(key));
    }

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);

    private static async Task<bool> TryWriteAsync(IStorage target, string key, int n, string? etag)
    {
        try
        {
            await target.WriteAsync(Changes((key, Doc(n), etag)));
            return true;
        }
        catch (StorageConcurrencyException)
        {
            return false;
        }
    }

    private async Task<int> ReadNAsync(string key) => (await Storage.ReadAsync([key]))[key].Value.GetProperty("n").GetInt32();

    private static string NewKey() => $"msteams/conversations/a:{Guid.NewGuid():N}/";

    private static JsonElement Doc(int n) => JsonSerializer.SerializeToElement(new Dictionary<string, int> { ["n"] = n });

    private static Dictionary<string, StoreItem> Changes(params (string Key, JsonElement Value, string? ETag)[] items) =>
        items.ToDictionary(i => i.Key, i => new StoreItem(i.Value, i.ETag), StringComparer.Ordinal);
}
