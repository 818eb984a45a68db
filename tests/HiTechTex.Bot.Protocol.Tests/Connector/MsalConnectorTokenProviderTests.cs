using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// Checklist 26, with the real MSAL code: its HttpClient (from the DI-registered factory) is redirected to a local
/// token endpoint, which receives the real client-credentials form POST.
/// </summary>
public sealed class MsalConnectorTokenProviderTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private readonly List<ServiceProvider> providers = [];
    private LocalHttpServer tokenServer = null!;
    private RedirectToLocalHandler redirect = null!;
    private int issued;

    /// <summary>The <c>expires_in</c> the fake endpoint answers with.</summary>
    private int expiresIn = 3600;

    public async Task InitializeAsync()
    {
        tokenServer = await LocalHttpServer.StartAsync(async (context, _) =>
        {
            var number = Interlocked.Increment(ref issued);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"access_token":"token-{{number}}"}""");
        });
        redirect = new RedirectToLocalHandler(tokenServer.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await tokenServer.DisposeAsync();
    }

    [Fact]
    public async Task GetTokenAsync_SingleTenant_PostsClientCredentialsToTenantAuthority()
    {
        var tokens = Provider(new BotOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret", MicrosoftAppTenantId = TenantId });

        var token = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var request = Assert.Single(tokenServer.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/{TenantId}/oauth2/v2.0/token", request.Path);
        Assert.Equal($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token", Assert.Single(redirect.OriginalUris).GetLeftPart(UriPartial.Path));
        var form = QueryHelpers(request.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_MultiTenant_UsesBotframeworkComAuthority()
    {
        var tokens = Provider(new BotOptions { MicrosoftAppType = "MultiTenant", MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret" });

        await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(tokenServer.Requests).Path);
    }

    [Fact]
    public async Task GetTokenAsync_SecondCall_ServedFromCache()
    {
        var tokens = Provider(SingleTenant());

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        Assert.Single(tokenServer.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_CachedTokenWithinFiveMinutesOfExpiry_IsRenewed()
    {
        // MSAL treats a cached token with less than 5 minutes left as expired, so a 120 s token is renewed on the next
        // call — the "refresh early" rule, shown without moving a clock (MSAL takes no TimeProvider).
        expiresIn = 120;
        var tokens = Provider(SingleTenant());

        var first = await tokens.GetTokenAsync(CancellationToken.None);
        var second = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-2", second);
        Assert.Equal(2, tokenServer.Requests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_NoAppId_ReturnsNullWithoutRequest()
    {
        var tokens = Provider(new BotOptions());

        var token = await tokens.GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
        Assert.False(tokens.IsConfigured);
        Assert.Empty(tokenServer.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_SingleTenantWithoutTenantId_ThrowsNamingTheKey()
    {
        var tokens = Provider(new BotOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret" });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.GetTokenAsync(CancellationToken.None));

        Assert.Contains("MicrosoftAppTenantId", ex.Message);
        Assert.Empty(tokenServer.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_RealTokenProvider_SendsMsalTokenOnlyToTrustedServiceUrl()
    {
        await using var connector = await FakeConnector.StartAsync();
        var services = Services(SingleTenant());
        services.GetRequiredService<ITrustedServiceUrls>().Trust(connector.BaseUrl);
        var client = services.GetRequiredService<IConnectorClient>();
        var untrusted = connector.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        await client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        await client.SendToConversationAsync(untrusted, "a:1", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal("Bearer token-1", connector.Requests[0].Headers["Authorization"]);
        Assert.False(connector.Requests[1].Headers.ContainsKey("Authorization"));
        Assert.Single(tokenServer.Requests);
    }

    private static BotOptions SingleTenant() =>
        new() { MicrosoftAppType = "SingleTenant", MicrosoftAppId = AppId, MicrosoftAppPassword = "s3cret", MicrosoftAppTenantId = TenantId };

    private static Dictionary<string, string> QueryHelpers(string form) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form).ToDictionary(p => p.Key, p => p.Value.ToString());

    private IConnectorTokenProvider Provider(BotOptions options) => Services(options).GetRequiredService<IConnectorTokenProvider>();

    private ServiceProvider Services(BotOptions options)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(new InMemoryConversationReferenceStore() as HiTechTex.Bot.Protocol.State.IConversationReferenceStore);
        services.AddBotConnector();
        services.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => redirect);
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }
}
