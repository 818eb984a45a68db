using System.Security.Cryptography;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>The coordinator's export link: for coordinators only, short-lived, and opening nothing once altered.</summary>
public sealed class ExchangeExportLinksTests
{
    private const string Secret = "test-secret-that-is-long-enough-0123456789";
    private const string Coordinator = "6f1c0a2e-0000-4c52-9b7a-3f1e2d6c9a10";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RoleOptions roles = new() { Coordinators = [Coordinator] };

    [Fact]
    public void For_Coordinator_LinkOnTheBotsHostThatChecksValidUntilItsLifetimeEnds()
    {
        var links = Links();

        var link = links.For(Coordinator)!;

        Assert.StartsWith("https://bot.example.org/exchanges/export.csv?e=", link, StringComparison.Ordinal);
        Assert.DoesNotContain(Coordinator, link, StringComparison.OrdinalIgnoreCase);
        var (e, s) = QueryOf(link);
        Assert.Equal(time.GetUtcNow().AddMinutes(15).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), e);
        Assert.Equal(ExportLinkCheck.Valid, links.Check(e, s));
        time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(ExportLinkCheck.Valid, links.Check(e, s));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ExportLinkCheck.Expired, links.Check(e, s));
    }

    [Fact]
    public void For_LifetimeConfigured_LinkWorksThatLong()
    {
        var links = Links(lifetime: TimeSpan.FromMinutes(5));
        var (e, s) = QueryOf(links.For(Coordinator)!);

        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(ExportLinkCheck.Expired, links.Check(e, s));
    }

    [Theory]
    [InlineData("someone-else")]
    [InlineData("")]
    public void For_NotACoordinator_NoLink(string aadObjectId) => Assert.Null(Links().For(aadObjectId));

    [Fact]
    public void For_CoordinatorsLanguage_SignedIntoTheLinkSoItCannotBeSwapped()
    {
        var links = Links();

        var link = links.For(Coordinator, "pt-PT")!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        string e = query["e"]!, s = query["s"]!;

        Assert.Equal("pt", query["l"].ToString());
        Assert.Equal(ExportLinkCheck.Valid, links.Check(e, s, "pt"));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, s, "en"));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, s));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, s, "xx"));
    }

    [Fact]
    public void For_NoAddressKnown_NoLink() => Assert.Null(Links(publicBaseUrl: "", botDomain: "").For(Coordinator));

    [Fact]
    public void For_CoordinatorIdInAnotherCase_LinkValid()
    {
        var links = Links();

        var (e, s) = QueryOf(links.For(Coordinator.ToUpperInvariant())!);

        Assert.Equal(ExportLinkCheck.Valid, links.Check(e, s));
    }

    [Fact]
    public void Check_AlteredExpiryOrSignature_Invalid()
    {
        var links = Links();
        var (e, s) = QueryOf(links.For(Coordinator)!);
        var later = (long.Parse(e, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tampered = (s[0] == 'A' ? "B" : "A") + s[1..];

        Assert.Equal(ExportLinkCheck.Invalid, links.Check(later, s));          // a longer life
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, tampered));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, s[..^2]));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, ""));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, null));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(null, s));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check("-1", s));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, "not base64 %%%"));
        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, new string('A', 200)));
    }

    [Fact]
    public void Check_LinkOfAnotherSecretOrProcess_Invalid()
    {
        var (e, s) = QueryOf(Links(secret: "another-secret-that-is-long-enough-98765").For(Coordinator)!);

        Assert.Equal(ExportLinkCheck.Invalid, Links().Check(e, s));
        Assert.Equal(ExportLinkCheck.Invalid, Links(secret: "").Check(e, s));   // the stored key, not the secret
    }

    [Fact]
    public void Check_NoSecret_LinkOfTheSameStoredKeyValid_OfAnotherDatabaseInvalid()
    {
        // No secret: the key stored in the bot's database signs, so every instance on it (and a restart) opens the link.
        var stored = RandomNumberGenerator.GetBytes(32);
        var (e, s) = QueryOf(Links(secret: "", storedKey: stored).For(Coordinator)!);

        Assert.Equal(ExportLinkCheck.Valid, Links(secret: "", storedKey: (byte[])stored.Clone()).Check(e, s));
        Assert.Equal(ExportLinkCheck.Invalid, Links(secret: "", storedKey: RandomNumberGenerator.GetBytes(32)).Check(e, s));
        Assert.Equal(ExportLinkCheck.Invalid, Links(storedKey: stored).Check(e, s));   // a configured secret wins
    }

    [Fact]
    public void Check_SameSecret_LinkWorksOnAnotherInstance()
    {
        var (e, s) = QueryOf(Links().For(Coordinator)!);

        Assert.Equal(ExportLinkCheck.Valid, Links().Check(e, s));
    }

    [Fact]
    public void Check_CoordinatorRemovedSinceTheLinkWasMade_Invalid()
    {
        var links = Links();
        var (e, s) = QueryOf(links.For(Coordinator)!);

        roles.Coordinators = ["someone-else"];

        Assert.Equal(ExportLinkCheck.Invalid, links.Check(e, s));
    }

    [Fact]
    public void Check_LifetimeShortenedSinceTheLinkWasMade_Expired()
    {
        var exchange = new ExchangeOptions { PublicBaseUrl = "https://bot.example.org", ExportLinkSecret = Secret };
        var links = Links(exchange);
        var (e, s) = QueryOf(links.For(Coordinator)!);

        exchange.ExportLinkLifetime = TimeSpan.FromMinutes(1);

        Assert.Equal(ExportLinkCheck.Expired, links.Check(e, s));
    }

    private ExchangeExportLinks Links(
        string publicBaseUrl = "https://bot.example.org", string botDomain = "", string secret = Secret, TimeSpan? lifetime = null, byte[]? storedKey = null) =>
        Links(new ExchangeOptions { PublicBaseUrl = publicBaseUrl, ExportLinkSecret = secret, ExportLinkLifetime = lifetime ?? TimeSpan.FromMinutes(15) }, botDomain, storedKey);

    private ExchangeExportLinks Links(ExchangeOptions exchange, string botDomain = "", byte[]? storedKey = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:BotDomain"] = botDomain }).Build();

        // Without a stored key given, each call has a database of its own (a key of its own).
        var key = storedKey ?? RandomNumberGenerator.GetBytes(32);
        return new ExchangeExportLinks(Monitor(exchange), Monitor(roles), configuration, new ServiceCollection().BuildServiceProvider(), time, new LinkKeys(() => key));
    }

    private static IOptionsMonitor<T> Monitor<T>(T value) => new FixedMonitor<T>(value);

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }

    private static (string E, string S) QueryOf(string link)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        return (query["e"].ToString(), query["s"].ToString());
    }
}
