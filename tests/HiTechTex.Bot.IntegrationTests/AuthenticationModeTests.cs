using System.Net;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.IntegrationTests;

public sealed class AuthenticationModeTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Post_ProductionWithoutAppId_Answers401()
    {
        using var factory = new BotHostFactory(databasePath, "Production");

        using var response = await factory.CreateClient().PostActivityAsync(Activities.Message(Activities.NewConversationId(), "hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId == 1340);
    }

    [Fact]
    public async Task Production_ThePrivacyPagesArePublicWhileTheMessagingEndpointWantsAToken()
    {
        using var factory = new BotHostFactory(databasePath, "Production");
        var client = factory.CreateClient();

        using var privacy = await client.GetAsync("/privacy");
        using var message = await client.PostActivityAsync(Activities.Message(Activities.NewConversationId(), "hi"));

        Assert.Equal(HttpStatusCode.OK, privacy.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, message.StatusCode);
    }

    [Fact]
    public async Task Post_DevelopmentWithoutAppId_Answers200AndWarnsLoudlyAtStartUp()
    {
        using var factory = new BotHostFactory(databasePath, "Development");

        using var response = await factory.CreateClient().PostActivityAsync(Activities.Message(Activities.NewConversationId(), "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(factory.Logs.Entries, e => e.EventId == 1340);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("DangerouslyAllowUnauthenticatedRequests", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MicrosoftAppTenantId", "11111111-1111-1111-1111-111111111111", "secret", null)]
    [InlineData("MicrosoftAppId", "not-a-guid", "secret", "22222222-2222-2222-2222-222222222222")]
    [InlineData("MicrosoftAppPassword", "11111111-1111-1111-1111-111111111111", null, "22222222-2222-2222-2222-222222222222")]
    public void StartUp_InvalidBotSettings_FailsNamingTheKey(string expectedKey, string appId, string? password, string? tenantId)
    {
        var failure = BotHostFactory.StartupFailure(() =>
        {
            var factory = new BotHostFactory(databasePath, "Production");
            factory.Settings["MicrosoftAppType"] = "SingleTenant";
            factory.Settings["MicrosoftAppId"] = appId;
            factory.Settings["MicrosoftAppPassword"] = password;
            factory.Settings["MicrosoftAppTenantId"] = tenantId;
            return factory;
        });

        var exception = Assert.IsType<OptionsValidationException>(failure);

        Assert.Contains(expectedKey, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("*", "22222222-2222-2222-2222-222222222222")]
    public void StartUp_AllowedTenantIdsNotTenantIds_FailsNamingTheKey(params string[] tenants)
    {
        var failure = BotHostFactory.StartupFailure(() =>
        {
            var factory = new BotHostFactory(databasePath, "Production");
            for (var i = 0; i < tenants.Length; i++)
            {
                factory.Settings[$"Messaging:AllowedTenantIds:{i}"] = tenants[i];
            }

            return factory;
        });

        var exception = Assert.IsType<OptionsValidationException>(failure);

        Assert.Contains("Messaging:AllowedTenantIds", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
