using System.Security.Cryptography;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>Where the confirmation's calendar link points, and how it is signed.</summary>
public sealed class CalendarLinksTests
{
    private const string Secret = "test-secret-that-is-long-enough-0123456789";

    private static readonly CoachingRegistration Registration = new()
    {
        Id = Guid.Parse("0b7e2f3c-1111-4c52-9b7a-3f1e2d6c9a10"),
        SessionId = Guid.Parse("5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10"),
        Status = RegistrationStatus.Confirmed,
    };

    [Theory]
    [InlineData("https://bot.example.org/", "other.example.org", "https://bot.example.org/coaching/calendar/5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10.ics")]
    [InlineData("", "bot.example.org", "https://bot.example.org/coaching/calendar/5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10.ics")]
    [InlineData("", "", "http://localhost:3978/coaching/calendar/5d0f8a52-6a4e-4c52-9b7a-3f1e2d6c9a10.ics")]
    public void For_Settings_PublicUrlThenBotDomainThenListeningAddress(string publicBaseUrl, string botDomain, string expectedPath)
    {
        var links = Links(publicBaseUrl, botDomain, "http://[::]:3978");

        var link = links.For(Registration)!;

        Assert.StartsWith(expectedPath + "?r=0b7e2f3c11114c529b7a3f1e2d6c9a10&s=", link, StringComparison.Ordinal);
        Assert.True(links.IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
    }

    [Fact]
    public void For_NothingKnown_NoLink() => Assert.Null(Links("", "", null).For(Registration));

    [Fact]
    public void IsValid_AnythingButTheSignedPair_IsRefused()
    {
        var links = Links("https://bot.example.org", "", null);
        var signature = SignatureOf(links.For(Registration)!);
        var tampered = (signature[0] == 'A' ? "B" : "A") + signature[1..];

        Assert.False(links.IsValid(Guid.NewGuid(), Registration.Id, signature));           // another session
        Assert.False(links.IsValid(Registration.SessionId, Guid.NewGuid(), signature));    // another registration
        Assert.False(links.IsValid(Registration.SessionId, Registration.Id, tampered));
        Assert.False(links.IsValid(Registration.SessionId, Registration.Id, signature[..^1]));
        Assert.False(links.IsValid(Registration.SessionId, Registration.Id, ""));
        Assert.False(links.IsValid(Registration.SessionId, Registration.Id, null));
        Assert.False(links.IsValid(Registration.SessionId, Registration.Id, "not base64url!"));
        Assert.False(links.IsValid(Registration.SessionId, Registration.Id, new string('A', 500)));
    }

    [Fact]
    public void For_SameSecret_SameLinkOnEveryInstance_OtherSecretOrNoneRefusesIt()
    {
        var link = Links("https://bot.example.org", "", null, Secret).For(Registration)!;

        Assert.True(Links("https://bot.example.org", "", null, Secret).IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
        Assert.False(Links("https://bot.example.org", "", null, Secret + "x").IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
        Assert.False(Links("https://bot.example.org", "", null).IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
    }

    [Fact]
    public void For_NoSecret_SignedWithTheStoredKey_ValidWhereverThatKeyIs()
    {
        // No secret: the key stored in the bot's database, so another instance or a restart on it opens the link.
        var stored = RandomNumberGenerator.GetBytes(32);
        var link = Links("https://bot.example.org", "", null, storedKey: stored).For(Registration)!;

        Assert.True(Links("https://bot.example.org", "", null, storedKey: (byte[])stored.Clone()).IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
        Assert.False(Links("https://bot.example.org", "", null, storedKey: RandomNumberGenerator.GetBytes(32)).IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
        Assert.False(Links("https://bot.example.org", "", null, Secret, storedKey: stored).IsValid(Registration.SessionId, Registration.Id, SignatureOf(link)));
    }

    [Fact]
    public void For_SecretConfigured_StoredKeyNeverRead()
    {
        var links = Links("https://bot.example.org", "", null, Secret, storedKey: null);

        Assert.True(links.IsValid(Registration.SessionId, Registration.Id, SignatureOf(links.For(Registration)!)));
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("", true)]
    [InlineData(Secret, true)]
    [InlineData("                                        ", false)]   // 40 spaces: a length, no secret (it signed links)
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("abcabcabcabcabcabcabcabcabcabcabcabcabca", false)]
    [InlineData("correct horse battery staple tigers", true)]
    public void Validator_CalendarLinkSecret_EmptyOrAtLeast32CharactersOfEightDifferentOnes(string secret, bool valid)
    {
        var result = new CoachingOptionsValidator().Validate(null, new CoachingOptions { CalendarLinkSecret = secret });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Coaching:CalendarLinkSecret must be at least 32 characters with at least 8 different ones", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    private static string SignatureOf(string link) => link[(link.IndexOf("&s=", StringComparison.Ordinal) + 3)..];

    private static CalendarLinks Links(string publicBaseUrl, string botDomain, string? listening, string secret = "", byte[]? storedKey = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:BotDomain"] = botDomain }).Build();
        var services = new ServiceCollection();
        if (listening is not null)
        {
            var features = new FeatureCollection();
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(listening);
            features.Set<IServerAddressesFeature>(addresses);
            services.AddSingleton(Mock.Of<IServer>(s => s.Features == features));
        }

        // Without a stored key given, each call has a database of its own (a key of its own); null with a secret: never read.
        var key = storedKey ?? (secret.Length == 0 ? RandomNumberGenerator.GetBytes(32) : null);
        return new CalendarLinks(
            Options.Create(new CoachingOptions { PublicBaseUrl = publicBaseUrl, CalendarLinkSecret = secret }),
            configuration,
            services.BuildServiceProvider(),
            new LinkKeys(() => key ?? throw new InvalidOperationException("The stored key was read although a secret is configured.")));
    }
}
