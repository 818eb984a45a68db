using System.Net;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>The host's "typing…" (ShowTypingMiddleware) through the messaging endpoint.</summary>
public sealed class ShowTypingEndpointTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Message_TypingGoesToTheConversationBeforeTheReply()
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["ShowTyping:Enabled"] = "true";
        factory.Settings["ShowTyping:Delay"] = "00:00:00";   // every turn is "slow"
        var conversationId = Activities.NewConversationId();

        using var response = await factory.CreateClient().PostActivityAsync(Activities.Message(conversationId, "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = factory.Connector.SentTo(conversationId);
        Assert.Equal(ActivityTypes.Typing, sent[0].Type);
        Assert.Equal(Activities.BotId, sent[0].From?.Id);
        Assert.Contains(sent.Skip(1), a => a.Type == ActivityTypes.Message && a.Text?.Contains("Shall I call you", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ExpectReplies_NoTypingIsPosted()
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["ShowTyping:Enabled"] = "true";
        factory.Settings["ShowTyping:Delay"] = "00:00:00";
        var conversationId = Activities.NewConversationId();
        var activity = Activities.Message(conversationId, "hello");
        activity["deliveryMode"] = "expectReplies";

        using var response = await factory.CreateClient().PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(factory.Connector.SentTo(conversationId));
    }

    [Fact]
    public void PeriodUnderASecond_TheHostRefusesToStart()
    {
        var failure = BotHostFactory.StartupFailure(() =>
        {
            var factory = new BotHostFactory(databasePath);
            factory.Settings["ShowTyping:Period"] = "00:00:00.200";
            return factory;
        });

        Assert.Contains("ShowTyping:Period", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
