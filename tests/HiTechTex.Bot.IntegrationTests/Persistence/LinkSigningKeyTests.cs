using System.Net;
using System.Text;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Hosting.Pages;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>
/// The key the calendar-file and export links are signed with when no secret is configured: kept in the bot's
/// database, so a link made by one instance opens on another and after a restart (before, each process made a random
/// key of its own and yesterday's calendar link answered 404). Each test has an empty database of its own.
/// </summary>
public abstract class LinkSigningKeyTests : IDisposable
{
    private const string Coordinator = "6f1c0a2e-0000-4c52-9b7a-3f1e2d6c9a10";
    private const string Secret = "a-configured-secret-that-is-long-enough-0123456789";

    private readonly List<BotHostFactory> hosts = [];
    private readonly List<HostDatabase> databases = [];

    private protected abstract HostDatabase CreateDatabase();

    [SkippableFact]
    public async Task Links_NoSecret_MadeOnOneInstanceOpenOnASecondAndAfterARestart()
    {
        var database = NewDatabase();
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var first = Start(database);
        var second = Start(database);
        var (calendar, export) = await LinksAsync(first);

        await AssertOpensAsync(second, calendar, export);

        // A restart: every process gone, a new one on the same database.
        first.Dispose();
        second.Dispose();
        var restarted = Start(database);
        await AssertOpensAsync(restarted, calendar, export);
        AssertKeyNeverLogged(restarted);
    }

    [SkippableFact]
    public async Task Startup_TwoInstancesAtOnceOnAnEmptyDatabase_OneStoredKeyForBoth()
    {
        var database = NewDatabase();
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var first = Host(database);
        var second = Host(database);

        await Task.WhenAll(Task.Run(() => first.CreateClient().Dispose()), Task.Run(() => second.CreateClient().Dispose()));

        var key = StoredKey(first);
        Assert.Equal(key, StoredKey(second));
        Assert.Equal(key, Assert.Single(await RowsAsync(first)).Key);
        Assert.Single(hosts.SelectMany(h => h.Logs.Entries), e => e.EventId == 1344);
        var (calendar, export) = await LinksAsync(first);
        await AssertOpensAsync(second, calendar, export);
        AssertKeyNeverLogged(first);
    }

    [SkippableFact]
    public async Task StoredKey_InstancesRacingToMakeIt_AllEndWithTheOneRowStored()
    {
        var database = NewDatabase();
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var first = Start(database);
        var second = Start(database);
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<SigningKeyEntity>().ExecuteDeleteAsync();
        }

        // Eight fresh loaders (as eight instances starting on a database without the key), half through each host.
        var loaders = Enumerable.Range(0, 8)
            .Select(i => new StoredSigningKey((i % 2 == 0 ? first : second).Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<StoredSigningKey>.Instance))
            .ToArray();
        var keys = await Task.WhenAll(loaders.Select(l => Task.Run(() => l.Key)));

        var row = Assert.Single(await RowsAsync(first));
        Assert.Equal(StoredSigningKey.KeyBytes, row.Key.Length);
        Assert.All(keys, k => Assert.Equal(row.Key, k));
    }

    [SkippableFact]
    public async Task Links_SecretConfigured_SecretSignsNotTheStoredKey()
    {
        var database = NewDatabase();
        var otherDatabase = NewDatabase();
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var withSecret = Start(database, secret: Secret);
        var (calendar, export) = await LinksAsync(withSecret);

        // The same secret on an instance of another database opens the link; the stored key of this one does not.
        var sameSecretElsewhere = Start(otherDatabase, secret: Secret);
        Assert.True(IsValid(sameSecretElsewhere, calendar));
        Assert.Equal(ExportLinkCheck.Valid, Check(sameSecretElsewhere, export));
        var storedKeyOnly = Start(database);
        Assert.False(IsValid(storedKeyOnly, calendar));
        Assert.Equal(ExportLinkCheck.Invalid, Check(storedKeyOnly, export));
        await AssertRefusedAsync(storedKeyOnly.CreateClient(), export.PathAndQuery);
    }

    [SkippableFact]
    public async Task Links_Tampered_RefusedWithA404AndNoData()
    {
        var database = NewDatabase();
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var first = Start(database);
        var (calendar, export) = await LinksAsync(first);
        var client = Start(database).CreateClient();

        await AssertRefusedAsync(client, Tamper(calendar));
        await AssertRefusedAsync(client, Tamper(export));
        await AssertOpensAsync(first, calendar, export);
        AssertKeyNeverLogged(first);
    }

    [SkippableFact]
    public async Task Startup_SchemaHasTheSigningKeysTable()
    {
        var database = NewDatabase();
        Skip.If(database.SkipReason is not null, database.SkipReason);
        var host = Start(database);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        Assert.Equal(database.ProviderName, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(StoredSigningKey.LinksKeyName, Assert.Single(await RowsAsync(host)).Name);
    }

    /// <summary>The hosts first, then their databases.</summary>
    public void Dispose()
    {
        foreach (var host in hosts)
        {
            host.Dispose();
        }

        foreach (var database in databases)
        {
            database.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private HostDatabase NewDatabase()
    {
        var database = CreateDatabase();
        databases.Add(database);
        return database;
    }

    private BotHostFactory Host(HostDatabase database, string secret = "")
    {
        var host = database.CreateHost();
        host.Settings["Teams:BotDomain"] = "bot.example.org";
        host.Settings["Roles:Coordinators:0"] = Coordinator;
        host.Settings["Coaching:SeedDemoCatalog"] = "true";
        host.Settings["Coaching:CalendarLinkSecret"] = secret;
        host.Settings["Exchanges:ExportLinkSecret"] = secret;

        // Everything logged, EF Core's SQL included: the key must not be in any of it.
        host.Settings["Logging:LogLevel:Default"] = "Debug";
        host.Settings["Logging:LogLevel:Microsoft"] = "Debug";
        host.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug";
        hosts.Add(host);
        return host;
    }

    private BotHostFactory Start(HostDatabase database, string secret = "")
    {
        var host = Host(database, secret);
        host.CreateClient().Dispose();
        return host;
    }

    /// <summary>A calendar link of a real registration (a seeded session) and a coordinator's export link, made on <paramref name="host"/>.</summary>
    private static async Task<(Uri Calendar, Uri Export)> LinksAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var session = (await scope.ServiceProvider.GetRequiredService<CatalogService>().UpcomingAsync(SessionFilter.Any, CancellationToken.None))[0];
        var person = $"aad-{Guid.NewGuid():N}";
        await scope.ServiceProvider.GetRequiredService<BookingService>().RegisterAsync(
            session.Session.Id, new Participant(person, "Ana Links", "tenant", null, "a:links", "en"), CancellationToken.None);
        var registration = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Registrations().SingleAsync(r => r.UserAadObjectId == person);
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarLinks>().For(registration)!;
        var export = scope.ServiceProvider.GetRequiredService<ExchangeExportLinks>().For(Coordinator, "pt")!;
        return (new Uri(calendar), new Uri(export));
    }

    private static async Task AssertOpensAsync(BotHostFactory host, Uri calendar, Uri export)
    {
        var client = host.CreateClient();
        using (var response = await client.GetAsync(calendar.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("BEGIN:VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var response = await client.GetAsync(export.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task AssertRefusedAsync(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // The "not valid" page, without the file.
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(LinkPageTexts.All, t => page.Contains($"<h1>{t.InvalidTitle}</h1>", StringComparison.Ordinal));
        Assert.DoesNotContain("BEGIN:VCALENDAR", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Reference;", page, StringComparison.Ordinal);
    }

    private static bool IsValid(BotHostFactory host, Uri calendar)
    {
        var query = QueryHelpers.ParseQuery(calendar.Query);
        var sessionId = Guid.Parse(calendar.Segments[^1].Replace(".ics", "", StringComparison.Ordinal));
        return host.Services.GetRequiredService<CalendarLinks>().IsValid(sessionId, Guid.ParseExact(query["r"]!, "N"), query["s"]);
    }

    private static ExportLinkCheck Check(BotHostFactory host, Uri export)
    {
        var query = QueryHelpers.ParseQuery(export.Query);
        return host.Services.GetRequiredService<ExchangeExportLinks>().Check(query["e"], query["s"], query["l"]);
    }

    /// <summary>The link with one character of its signature changed.</summary>
    private static string Tamper(Uri link)
    {
        var pathAndQuery = link.PathAndQuery;
        var at = pathAndQuery.IndexOf("&s=", StringComparison.Ordinal) + 3;
        return pathAndQuery[..at] + (pathAndQuery[at] == 'A' ? 'B' : 'A') + pathAndQuery[(at + 1)..];
    }

    private static byte[] StoredKey(BotHostFactory host) => host.Services.GetRequiredService<StoredSigningKey>().Key;

    private static async Task<List<SigningKeyEntity>> RowsAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<SigningKeyEntity>().AsNoTracking().ToListAsync();
    }

    /// <summary>
    /// No log entry of any host of the test (captured from Debug up, every category) holds the stored key or a key
    /// derived from it, in base64, base64url or hex.
    /// </summary>
    private void AssertKeyNeverLogged(BotHostFactory running)
    {
        var stored = StoredKey(running);
        var keys = new[] { stored, LinkKey(stored, "htt-calendar-link-v1"), LinkKey(stored, "htt-exchange-export-link-v1") };
        var forms = keys.SelectMany(k => new[] { Convert.ToBase64String(k), WebEncoders.Base64UrlEncode(k), Convert.ToHexString(k) }).ToArray();
        var entries = hosts.SelectMany(h => h.Logs.Entries).ToList();

        Assert.Contains(entries, e => e.EventId == 1344);   // the key was made while these logs were captured
        foreach (var entry in entries)
        {
            var text = entry.Message + entry.Exception;
            Assert.DoesNotContain(forms, f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static byte[] LinkKey(byte[] stored, string label) =>
        System.Security.Cryptography.HKDF.DeriveKey(System.Security.Cryptography.HashAlgorithmName.SHA256, stored, 32, info: Encoding.ASCII.GetBytes(label));
}

public sealed class LinkSigningKeySqliteTests : LinkSigningKeyTests
{
    private protected override HostDatabase CreateDatabase() => new SqliteHostDatabase();
}

public sealed class LinkSigningKeyPostgreSqlTests : LinkSigningKeyTests
{
    private protected override HostDatabase CreateDatabase() => new PostgreSqlHostDatabase();
}
