using System.Net;
using System.Text.Json;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// The pages the Teams app manifest links to are served by the bot itself: Teams shows the links in the app's details,
/// and an app whose privacy link answers 404 is what an admin reviewing it — or a user asking what is kept — gets.
/// </summary>
public sealed class InformationPagesEndpointTests(DevelopmentHostFixture host) : IClassFixture<DevelopmentHostFixture>, IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    public static TheoryData<string> ManifestLinks()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Playground.RepositoryPaths.RepositoryRoot, "manifest", "manifest.json")));
        var developer = manifest.RootElement.GetProperty("developer");
        return [.. new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" }.Select(name => developer.GetProperty(name).GetString()!)];
    }

    [Theory]
    [MemberData(nameof(ManifestLinks))]
    public async Task EveryLinkOfTheManifest_IsAPageOfTheBot(string link)
    {
        var url = new Uri(link.Replace("${{BotDomain}}", "bot.example.org", StringComparison.Ordinal));

        using var response = await host.Client.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("HiTechTex.Bot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/terms")]
    public async Task Pages_CarryAStrictContentSecurityPolicyAndAnswerHeadWithoutBody(string path)
    {
        using var get = await host.Client.GetAsync(path);
        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.StartsWith("default-src 'none'", get.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("pt-PT,pt;q=0.9,en;q=0.8", "pt", "Aviso de privacidade")]
    [InlineData("es-ES", "es", "Aviso de privacidad")]
    [InlineData("it", "it", "Informativa sulla privacy")]
    [InlineData("tr-TR", "tr", "Gizlilik bildirimi")]
    [InlineData("cs-CZ,cs;q=0.9", "cs", "Oznámení o ochraně soukromí")]
    [InlineData("de-DE,de;q=0.9", "en", "Privacy notice")]
    public async Task ThePrivacyNotice_IsInTheBrowsersLanguage(string acceptLanguage, string expected, string heading)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/privacy");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await host.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/terms?lang={expected}\"", html, StringComparison.Ordinal);
        Assert.Equal(expected != "en", html.Contains("href=\"/privacy?lang=en\" hreflang=\"en\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLanguageQuery_WinsOverTheBrowsersLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/terms?lang=en");
        request.Headers.TryAddWithoutValidation("Accept-Language", "pt-PT");

        using var response = await host.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.Contains("<h1>Terms of use</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_IsNotAllowed()
    {
        using var response = await host.Client.PostAsync("/privacy", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task ThePrivacyNotice_SaysWhatThisDeploymentIsConfiguredToDo()
    {
        using var defaults = await host.Client.GetAsync("/privacy");
        var plain = await defaults.Content.ReadAsStringAsync();

        using var factory = new BotHostFactory(databasePath);
        factory.Settings["Privacy:Operator"] = "CITEVE <Technological Centre>";
        factory.Settings["Privacy:ContactEmail"] = "privacy@citeve.example";
        factory.Settings["Conversation:DialogExpiry"] = "2.00:00:00";
        factory.Settings["AzureOpenAI:Endpoint"] = "http://127.0.0.1:9/";
        factory.Settings["AzureOpenAI:Deployment"] = "gpt";
        factory.Settings["AzureOpenAI:ApiKey"] = "test-key";
        var configured = await factory.CreateClient().GetStringAsync("/privacy");

        Assert.Contains("operated by <strong>Hi-Tech-TEX</strong>", plain, StringComparison.Ordinal);
        Assert.Contains("dropped after 7 days", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Azure OpenAI", plain, StringComparison.Ordinal);
        Assert.Contains("operated by <strong>CITEVE &lt;Technological Centre&gt;</strong>", configured, StringComparison.Ordinal);
        Assert.Contains("mailto:privacy@citeve.example", configured, StringComparison.Ordinal);
        Assert.Contains("dropped after 2 days", configured, StringComparison.Ordinal);
        Assert.Contains("Azure OpenAI", configured, StringComparison.Ordinal);
    }

    [Fact]
    public void AContactThatIsNotAnAddress_TheHostRefusesToStart()
    {
        var failure = BotHostFactory.StartupFailure(() =>
        {
            var factory = new BotHostFactory(databasePath);
            factory.Settings["Privacy:ContactEmail"] = "javascript:alert(1)";
            return factory;
        });

        Assert.Contains("Privacy:ContactEmail", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
