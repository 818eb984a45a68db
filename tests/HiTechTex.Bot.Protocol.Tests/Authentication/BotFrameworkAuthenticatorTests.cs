using HiTechTex.Bot.Testing.Auth;
using System.Security.Cryptography;
using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace HiTechTex.Bot.Protocol.Tests.Authentication;

/// <summary>Spec §2 and checklist items 1–9 of §9, against a local OpenID/JWKS server and test-minted tokens.</summary>
public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "8f0c9a52-3d8e-4b61-9a7d-2f6e1c0b5a41";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string TeamsChannel = "msteams";

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<BotFrameworkAuthenticator> logger = new();
    private OpenIdTestServer server = null!;
    private OpenIdTestKey key = null!;

    public async Task InitializeAsync()
    {
        server = await OpenIdTestServer.StartAsync();
        key = server.AddKey("key-1");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    // ---- happy path -------------------------------------------------------------------------------------------

    [Fact]
    public async Task AuthenticateAsync_ValidTeamsToken_SucceedsWithBearerIdentityCarryingTheTokenClaims()
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsAnonymous);
        Assert.Null(result.FailureReason);
        Assert.NotNull(result.Identity);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal("Bearer", result.Identity.AuthenticationType);
        Assert.Equal(AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(OpenIdTestServer.BotFrameworkIssuer, result.Identity.FindFirst("iss")?.Value);
        Assert.Equal(ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(1, server.MetadataRequestCount);
        Assert.Equal(1, server.KeysRequestCount);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_OtherAllowedRsaAlgorithm_Succeeds(string algorithm)
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key.SigningCredentials(algorithm), AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_SecondRequest_UsesCachedMetadata()
    {
        var authenticator = CreateAuthenticator();

        await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);
        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(1, server.MetadataRequestCount);
        Assert.Equal(1, server.KeysRequestCount);
    }

    // ---- checklist 1: header and scheme -----------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_NoAuthorizationHeader_FailsWithoutFetchingMetadata(string? header)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(header, TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Equal("Missing Authorization header", result.FailureReason);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("bearer {token}")]
    [InlineData("BEARER {token}")]
    [InlineData("Basic {token}")]
    [InlineData("{token}")]
    [InlineData("Bearer  {token}")]
    [InlineData("Bearer {token} extra")]
    [InlineData(" Bearer {token}")]
    public async Task AuthenticateAsync_HeaderNotExactlyBearerToken_Fails(string headerTemplate)
    {
        var authenticator = CreateAuthenticator();
        var header = headerTemplate.Replace("{token}", Token(), StringComparison.Ordinal);

        var result = await authenticator.AuthenticateAsync(header, TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Authorization header is not 'Bearer <token>'", result.FailureReason);
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6NX0.e30.c2ln")]                                    // kid a number
    [InlineData("eyJhbGciOjUsImtpZCI6ImsifQ.e30.c2ln")]                                          // alg a number
    [InlineData("W10.e30.c2ln")]                                                                 // header an array
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6Imsi.e30.c2ln")]                                    // header cut short
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJhdWQiOjUsImV4cCI6InNvb24ifQ.c2ln")]       // aud a number, exp text
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.WzFd.c2ln")]                                 // payload an array
    public async Task AuthenticateAsync_TokenWithMistypedHeaderOrPayload_FailsWithoutThrowing(string token)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.FailureReason);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    public async Task AuthenticateAsync_GarbageToken_FailsWithoutThrowing(string token)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Malformed token", result.FailureReason);
    }

    // ---- checklist 2 and 3: audience and issuer ---------------------------------------------------------------

    [Theory]
    [InlineData(new[] { "5d3b7c1e-0000-4000-8000-000000000000", AppId }, true)]
    [InlineData(new[] { "5d3b7c1e-0000-4000-8000-000000000000", "api://" + AppId }, false)]
    public async Task AuthenticateAsync_AudienceArray_SucceedsOnlyWhenItNamesTheAppId(string[] audiences, bool succeeds)
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, AppId, ServiceUrl, time.GetUtcNow(), d =>
        {
            d.Audience = null;
            d.Claims["aud"] = audiences;
        });

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.Equal(succeeds, result.Succeeded);
        Assert.Equal(succeeds ? null : "Invalid audience", result.FailureReason);
    }

    [Theory]
    [InlineData("5d3b7c1e-0000-4000-8000-000000000000")]
    [InlineData(AppId + "/")]
    [InlineData("api://" + AppId)]
    [InlineData("api://botid-" + AppId)]
    [InlineData("https://api.botframework.com")]
    public async Task AuthenticateAsync_AudienceNotTheAppId_Fails(string audience)
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, audience, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid audience", result.FailureReason);
    }

    [Theory]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://API.botframework.com")]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0")]
    public async Task AuthenticateAsync_IssuerNotBotFramework_Fails(string issuer)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(Token(d => d.Issuer = issuer)), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid issuer", result.FailureReason);
    }

    // ---- checklist 4: lifetime --------------------------------------------------------------------------------

    [Fact]
    public async Task AuthenticateAsync_ExpiredBeyondFiveMinuteSkew_Fails()
    {
        var authenticator = CreateAuthenticator();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Token(d => (d.NotBefore, d.IssuedAt, d.Expires) = (now.AddHours(-1), now.AddHours(-1), now.AddMinutes(-5).AddSeconds(-1)));

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token expired", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ExpiredWithinFiveMinuteSkew_Succeeds()
    {
        var authenticator = CreateAuthenticator();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Token(d => (d.NotBefore, d.IssuedAt, d.Expires) = (now.AddHours(-1), now.AddHours(-1), now.AddMinutes(-4)));

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ValidTokenAfterClockAdvancesPastExpiryAndSkew_Fails()
    {
        var authenticator = CreateAuthenticator();
        var token = Token();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None)).Succeeded);

        time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));
        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token expired", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidBeyondFiveMinuteSkew_Fails()
    {
        var authenticator = CreateAuthenticator();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Token(d => (d.NotBefore, d.IssuedAt, d.Expires) = (now.AddMinutes(6), now.AddMinutes(6), now.AddHours(1)));

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token not yet valid", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_NotYetValidWithinFiveMinuteSkew_Succeeds()
    {
        var authenticator = CreateAuthenticator();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Token(d => (d.NotBefore, d.IssuedAt, d.Expires) = (now.AddMinutes(4), now.AddMinutes(4), now.AddHours(1)));

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenWithoutExpiration_Fails()
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(Token(d => d.Expires = null)), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no expiration", result.FailureReason);
    }

    // ---- checklist 5: signature and algorithm -----------------------------------------------------------------

    [Fact]
    public async Task AuthenticateAsync_SignedByKeyNotInJwks_FailsAfterOneRefresh()
    {
        var authenticator = CreateAuthenticator();
        using var rogue = OpenIdTestKey.Create("rogue-key", OpenIdTestKey.TeamsEndorsements);
        var token = OpenIdTestServer.CreateToken(rogue, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Signing key not found", result.FailureReason);
        Assert.Equal(2, server.KeysRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKidsWithinFiveMinutes_RefreshOnlyOnce()
    {
        var authenticator = CreateAuthenticator();
        using var rogue = OpenIdTestKey.Create("rogue-key");

        for (var i = 0; i < 3; i++)
        {
            var token = OpenIdTestServer.CreateToken(rogue, AppId, ServiceUrl, time.GetUtcNow());
            Assert.False((await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None)).Succeeded);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(2, server.KeysRequestCount);

        time.Advance(TimeSpan.FromMinutes(2));
        var later = OpenIdTestServer.CreateToken(rogue, AppId, ServiceUrl, time.GetUtcNow());
        Assert.False((await authenticator.AuthenticateAsync(Bearer(later), TeamsActivity(), CancellationToken.None)).Succeeded);
        Assert.Equal(3, server.KeysRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_ForgedSignatureUnderKnownKid_FailsWithoutRefresh()
    {
        var authenticator = CreateAuthenticator();
        using var forger = OpenIdTestKey.Create(key.KeyId, freshKeyMaterial: true);
        var token = OpenIdTestServer.CreateToken(forger, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Invalid signature", result.FailureReason);
        Assert.Equal(1, server.KeysRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenWithoutKid_FailsWithoutFetchingMetadata()
    {
        var authenticator = CreateAuthenticator();
        var keyWithoutId = new RsaSecurityKey(key.SecurityKey.Rsa);
        var token = OpenIdTestServer.CreateToken(new SigningCredentials(keyWithoutId, SecurityAlgorithms.RsaSha256), AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no kid", result.FailureReason);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("PS512")]
    [InlineData("HS256")]
    [InlineData("ES256")]
    [InlineData("none")]
    public async Task AuthenticateAsync_AlgorithmOtherThanRs256Rs384Rs512_Fails(string algorithm)
    {
        var authenticator = CreateAuthenticator();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        SigningCredentials? credentials = algorithm switch
        {
            "PS256" => key.SigningCredentials(SecurityAlgorithms.RsaSsaPssSha256),
            "PS512" => key.SigningCredentials(SecurityAlgorithms.RsaSsaPssSha512),
            // Symmetric and EC keys claim the kid of the published RSA key, as an attacker would.
            "HS256" => new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = key.KeyId }, SecurityAlgorithms.HmacSha256),
            "ES256" => new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = key.KeyId }, SecurityAlgorithms.EcdsaSha256),
            _ => null,
        };
        var token = OpenIdTestServer.CreateToken(credentials, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Signing algorithm not allowed", result.FailureReason);
        Assert.True(server.KeysRequestCount <= 1, "no refresh for a disallowed algorithm");
    }

    // ---- checklist 6: serviceurl claim ------------------------------------------------------------------------

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimMissing_Fails()
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, AppId, serviceUrl: null, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no serviceurl claim", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlClaimInOtherCase_IsNotTheServiceUrlClaim()
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, AppId, serviceUrl: null, time.GetUtcNow(), d => d.Claims["serviceUrl"] = ServiceUrl);

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no serviceurl claim", result.FailureReason);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea")]
    public async Task AuthenticateAsync_ServiceUrlClaimDiffers_Fails(string claimedServiceUrl)
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, AppId, claimedServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("serviceurl claim does not match the activity's serviceUrl", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ActivityWithoutServiceUrl_Fails()
    {
        var authenticator = CreateAuthenticator();
        var activity = TeamsActivity();
        activity.ServiceUrl = null;

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), activity, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("serviceurl claim does not match the activity's serviceUrl", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_ServiceUrlDiffersOnlyByCase_Succeeds()
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, AppId, "HTTPS://SMBA.TrafficManager.NET/EMEA/", time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    // ---- two steps: the header before the body, then the activity -------------------------------------------

    [Fact]
    public async Task AuthenticateHeaderAsync_ValidToken_SucceedsAndTheActivityStepStillBindsItsServiceUrlAndChannel()
    {
        var authenticator = CreateAuthenticator();

        var token = await authenticator.AuthenticateHeaderAsync(Bearer(Token()), CancellationToken.None);
        var bound = authenticator.AuthorizeActivity(token, TeamsActivity());
        var otherService = TeamsActivity();
        otherService.ServiceUrl = "https://evil.example/";
        var wrongService = authenticator.AuthorizeActivity(token, otherService);
        var wrongChannel = authenticator.AuthorizeActivity(token, TeamsActivity("webchat"));

        Assert.True(token.Succeeded, token.FailureReason);
        Assert.Equal("key-1", token.KeyId);
        Assert.Same(token, bound);
        Assert.Equal("serviceurl claim does not match the activity's serviceUrl", wrongService.FailureReason);
        Assert.Equal("Signing key is not endorsed for the activity's channel", wrongChannel.FailureReason);
        Assert.False(wrongService.Succeeded || wrongChannel.Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task AuthenticateHeaderAsync_NoOrBadToken_FailsWithoutAnActivity(string? header)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateHeaderAsync(header, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(authenticator.AuthorizeActivity(result, TeamsActivity()).Succeeded);
    }

    [Fact]
    public async Task AuthenticateHeaderAsync_TokenWithoutServiceUrlClaim_FailsBeforeTheBody()
    {
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(key, AppId, serviceUrl: null, time.GetUtcNow());

        var result = await authenticator.AuthenticateHeaderAsync(Bearer(token), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Token has no serviceurl claim", result.FailureReason);
    }

    // ---- checklist 7: endorsements ----------------------------------------------------------------------------

    [Theory]
    [InlineData("webchat")]
    [InlineData("MSTEAMS")]
    [InlineData("emulator")]
    public async Task AuthenticateAsync_KeyEndorsementsLackChannelId_Fails(string channelId)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(channelId), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Signing key is not endorsed for the activity's channel", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyEndorsementsIncludeChannelId_Succeeds()
    {
        using var multi = OpenIdTestKey.Create("key-multi", ["webchat", TeamsChannel, "skype"]);
        server.AddKey(multi);
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(multi, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(TeamsChannel), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AuthenticateAsync_EmptyChannelId_PassesEndorsementCheck(string? channelId)
    {
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(channelId), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithoutEndorsementsMember_Succeeds()
    {
        var plain = OpenIdTestKey.Create("key-plain", endorsements: null);
        server.AddKey(plain);
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(plain, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity("webchat"), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyWithEmptyEndorsements_FailsForANamedChannel()
    {
        var empty = OpenIdTestKey.Create("key-empty", endorsements: []);
        server.AddKey(empty);
        var authenticator = CreateAuthenticator();
        var token = OpenIdTestServer.CreateToken(empty, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(TeamsChannel), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Signing key is not endorsed for the activity's channel", result.FailureReason);
    }

    // ---- checklist 8: key refresh -----------------------------------------------------------------------------

    [Fact]
    public async Task AuthenticateAsync_KeyRotatedInAfterFirstFetch_RefreshesOnceAndAccepts()
    {
        var authenticator = CreateAuthenticator();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);
        Assert.Equal(1, server.KeysRequestCount);
        var rotated = server.AddKey("key-2");
        var token = OpenIdTestServer.CreateToken(rotated, AppId, ServiceUrl, time.GetUtcNow());

        var result = await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, server.MetadataRequestCount);
        Assert.Equal(2, server.KeysRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_ConcurrentRequestsWithRotatedKey_ShareOneRefresh()
    {
        var authenticator = CreateAuthenticator();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);
        var rotated = server.AddKey("key-2");
        var token = OpenIdTestServer.CreateToken(rotated, AppId, ServiceUrl, time.GetUtcNow());

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => authenticator.AuthenticateAsync(Bearer(token), TeamsActivity(), CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(2, server.KeysRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataReaches24Hours_IsRefetchedBeforeUse()
    {
        var authenticator = CreateAuthenticator();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);
        Assert.Equal(1, server.KeysRequestCount);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);
        Assert.Equal(2, server.MetadataRequestCount);
        Assert.Equal(2, server.KeysRequestCount);
    }

    [Fact]
    public async Task AuthenticateAsync_KeyRemovedFromJwks_IsRejectedOnceMetadataIs24HoursOld()
    {
        var authenticator = CreateAuthenticator();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);
        server.AddKey("key-2");
        server.RemoveKey(key);

        time.Advance(TimeSpan.FromHours(24));
        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Signing key not found", result.FailureReason);
    }

    [Fact]
    public void Constructor_AppIdConfigured_BackgroundRefreshIntervalStaysUnder24HoursWithJitter()
    {
        var authenticator = CreateAuthenticator();

        var interval = authenticator.MetadataSource!.ManagerAutomaticRefreshInterval;

        // ConfigurationManager adds up to 5 % jitter (interval / 20) to its automatic refresh.
        Assert.True(interval + (interval / 20) <= TimeSpan.FromHours(24), $"AutomaticRefreshInterval is {interval}");
        Assert.True(interval >= TimeSpan.FromHours(1), $"AutomaticRefreshInterval is {interval}");
    }

    [Fact]
    public async Task AuthenticateAsync_MetadataEndpointDown_FailsWithoutThrowing()
    {
        server.FailWithStatus = 500;
        var authenticator = CreateAuthenticator();

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("OpenID metadata unavailable", result.FailureReason);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 1106);
    }

    /// <summary>
    /// A metadata server that accepts the connection and never answers held every inbound request for the HTTP client's
    /// 100 s (no request can be authenticated before the first keys arrive) — long past Teams' wait. Now the fetch gives
    /// up after <see cref="BotFrameworkMetadataRetriever.FetchTimeout"/> (of the injected clock) and the request gets the
    /// usual 401 reason, logged with the timeout.
    /// </summary>
    [Fact]
    public async Task AuthenticateAsync_MetadataServerHangs_FailsOnceTheFetchTimeoutPasses()
    {
        server.Hang = true;
        var authenticator = CreateAuthenticator();

        var pending = authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);
        await server.Hanging.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(pending.IsCompleted);
        time.Advance(BotFrameworkMetadataRetriever.FetchTimeout);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Succeeded);
        Assert.Equal("OpenID metadata unavailable", result.FailureReason);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 1106 && e.Text.Contains(nameof(TimeoutException), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_RefreshFailsAfter24Hours_KeepsServingCachedKeys()
    {
        var authenticator = CreateAuthenticator();
        Assert.True((await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None)).Succeeded);
        server.FailWithStatus = 503;

        time.Advance(TimeSpan.FromHours(25));
        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.True(server.MetadataRequestCount >= 2, "a refresh was attempted");
        Assert.Contains(logger.Entries, e => e.EventId.Id == 1107);
    }

    // ---- checklist 9: dev mode --------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task AuthenticateAsync_NoAppIdNoFlag_FailsWithAndWithoutHeader(string? appId)
    {
        var authenticator = CreateAuthenticator(o => o.MicrosoftAppId = appId);

        var withoutHeader = await authenticator.AuthenticateAsync(null, TeamsActivity(), CancellationToken.None);
        var withHeader = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.False(withoutHeader.Succeeded);
        Assert.Equal("Authentication not configured", withoutHeader.FailureReason);
        Assert.False(withHeader.Succeeded);
        Assert.Equal("Authentication not configured", withHeader.FailureReason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdFlagSetNoHeader_SucceedsAsAnonymous()
    {
        var authenticator = CreateAuthenticator(o => (o.MicrosoftAppId, o.DangerouslyAllowUnauthenticatedRequests) = (null, true));

        var result = await authenticator.AuthenticateAsync(null, TeamsActivity(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.NotNull(result.Identity);
        Assert.False(result.Identity.IsAuthenticated);
        Assert.Contains(logger.Entries, e => e.EventId.Id == 1102 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task AuthenticateAsync_NoAppIdFlagSetWithHeader_Fails()
    {
        var authenticator = CreateAuthenticator(o => (o.MicrosoftAppId, o.DangerouslyAllowUnauthenticatedRequests) = (null, true));

        var result = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.IsAnonymous);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdAndFlagSetNoHeader_Fails()
    {
        var authenticator = CreateAuthenticator(o => o.DangerouslyAllowUnauthenticatedRequests = true);

        var result = await authenticator.AuthenticateAsync(null, TeamsActivity(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.IsAnonymous);
        Assert.Equal("Missing Authorization header", result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AppIdAndFlagSetValidToken_StillFullyValidated()
    {
        var authenticator = CreateAuthenticator(o => o.DangerouslyAllowUnauthenticatedRequests = true);

        var good = await authenticator.AuthenticateAsync(Bearer(Token()), TeamsActivity(), CancellationToken.None);
        var badAudience = await authenticator.AuthenticateAsync(
            Bearer(OpenIdTestServer.CreateToken(key, "someone-else", ServiceUrl, time.GetUtcNow())), TeamsActivity(), CancellationToken.None);

        Assert.True(good.Succeeded, good.FailureReason);
        Assert.False(good.IsAnonymous);
        Assert.False(badAudience.Succeeded);
    }

    // ---- hygiene ----------------------------------------------------------------------------------------------

    [Fact]
    public async Task AuthenticateAsync_Failures_NeverLogOrReturnTheToken()
    {
        var authenticator = CreateAuthenticator();
        using var rogue = OpenIdTestKey.Create("rogue-key");
        var now = time.GetUtcNow().UtcDateTime;
        string[] tokens =
        [
            Token(d => d.Issuer = "https://evil.example.com"),
            Token(d => (d.NotBefore, d.IssuedAt, d.Expires) = (now.AddHours(-2), now.AddHours(-2), now.AddHours(-1))),
            OpenIdTestServer.CreateToken(rogue, AppId, ServiceUrl, time.GetUtcNow()),
            OpenIdTestServer.CreateToken(key, AppId, "https://evil.example.com/", time.GetUtcNow()),
            Token(),
        ];

        var results = new List<BotAuthenticationResult>();
        foreach (var token in tokens)
        {
            results.Add(await authenticator.AuthenticateAsync(Bearer(token), TeamsActivity("webchat"), CancellationToken.None));
        }

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.NotEmpty(logger.Entries);
        foreach (var token in tokens)
        {
            var signature = token[(token.LastIndexOf('.') + 1)..];
            Assert.All(results, r => Assert.DoesNotContain(signature, r.FailureReason!, StringComparison.Ordinal));
            Assert.All(logger.Entries, e => Assert.DoesNotContain(signature, e.Text, StringComparison.Ordinal));
            Assert.All(logger.Entries, e => Assert.DoesNotContain(token, e.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Constructor_HttpMetadataUrlOnNonLoopbackHost_ThrowsNamingTheSetting()
    {
        var exception = Assert.Throws<InvalidOperationException>(
            () => CreateAuthenticator(o => o.OpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration"));

        Assert.Contains(nameof(BotOptions.OpenIdMetadataUrl), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/keys", true)]
    [InlineData("http://127.0.0.1:5000/keys", true)]
    [InlineData("http://localhost:5000/keys", true)]
    [InlineData("http://login.botframework.com/v1/.well-known/keys", false)]
    [InlineData("/v1/.well-known/keys", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAllowedKeySetAddress_Address_AllowsHttpsOrLoopbackOnly(string? address, bool expected)
    {
        Assert.Equal(expected, BotFrameworkMetadataRetriever.IsAllowedKeySetAddress(address));
    }

    [Fact]
    public void ReadEndorsements_MixedKeys_MapsOnlyKeysWithEndorsementsAndFailsClosedOnMalformed()
    {
        const string json = """
            {"keys":[
              {"kid":"a","endorsements":["msteams","webchat"]},
              {"kid":"b"},
              {"kid":"c","endorsements":"msteams"},
              {"kid":"d","endorsements":["msteams",42]},
              {"endorsements":["msteams"]}
            ]}
            """;

        var map = BotFrameworkMetadataRetriever.ReadEndorsements(json);

        Assert.Equal(["msteams", "webchat"], map["a"]);
        Assert.False(map.ContainsKey("b"));
        Assert.Empty(map["c"]);
        Assert.Equal(["msteams"], map["d"]);
        Assert.Equal(3, map.Count);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private BotFrameworkAuthenticator CreateAuthenticator(Action<BotOptions>? configure = null)
    {
        var options = new BotOptions { MicrosoftAppId = AppId, OpenIdMetadataUrl = server.MetadataUrl };
        configure?.Invoke(options);
        return new BotFrameworkAuthenticator(Options.Create(options), time, logger);
    }

    private string Token(Action<SecurityTokenDescriptor>? customize = null) =>
        OpenIdTestServer.CreateToken(key, AppId, ServiceUrl, time.GetUtcNow(), customize);

    private static string Bearer(string token) => "Bearer " + token;

    private static Activity TeamsActivity(string? channelId = TeamsChannel)
    {
        var activity = Activity.CreateMessage("hello");
        activity.ServiceUrl = ServiceUrl;
        activity.ChannelId = channelId;
        return activity;
    }
}
