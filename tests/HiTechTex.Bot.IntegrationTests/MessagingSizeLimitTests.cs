using System.Net;
using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>The setting <c>Messaging:MaxActivityBytes</c> through the host: bound, applied to /api/messages, validated at start-up.</summary>
public sealed class MessagingSizeLimitTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Theory]
    [InlineData(10_000, HttpStatusCode.OK)]
    [InlineData(20_000, HttpStatusCode.RequestEntityTooLarge)]
    public async Task ConfiguredLimit_AppliesToTheMessagingEndpoint(int textLength, HttpStatusCode expected)
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["Messaging:MaxActivityBytes"] = "16384";
        var conversationId = Activities.NewConversationId();

        using var response = await factory.CreateClient().PostActivityAsync(Activities.Message(conversationId, new string('a', textLength)));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, factory.Connector.SentTo(conversationId).Count > 0);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("40000000")]
    public void LimitOutOfRange_TheHostRefusesToStart(string value)
    {
        var failure = BotHostFactory.StartupFailure(() =>
        {
            var factory = new BotHostFactory(databasePath);
            factory.Settings["Messaging:MaxActivityBytes"] = value;
            return factory;
        });

        Assert.Contains("Messaging:MaxActivityBytes", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
