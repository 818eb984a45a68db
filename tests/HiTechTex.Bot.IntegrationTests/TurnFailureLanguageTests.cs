using System.Net;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>A turn that fails is apologised for in the user's language, without the failure's details.</summary>
public sealed class TurnFailureLanguageTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task FailingTurn_PortugueseProfile_ThePoliteMessageIsInPortuguese()
    {
        using var factory = new BotHostFactory(databasePath) { ConfigureServices = s => s.AddScoped<IJourney, FailingJourney>() };
        var client = factory.CreateClient();
        var conversationId = Activities.NewConversationId();
        foreach (var text in new[] { "hello", "yes", "CITEVE", "Português" })
        {
            await client.PostActivityAsync(Activities.Message(conversationId, text));
        }

        using var response = await client.PostActivityAsync(Activities.Message(conversationId, "boom"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = factory.Connector.SentTo(conversationId)[^1];
        Assert.Equal("Desculpe, algo correu mal do meu lado e não consegui terminar. Tente novamente daqui a pouco.", reply.Text);
        Assert.DoesNotContain("secret", reply.Text, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private sealed class FailingJourney : IJourney
    {
        public Dialog Dialog { get; } = new FailingDialog();

        public IReadOnlyCollection<Intent> Intents { get; } = [];

        public IReadOnlyCollection<string> CardActions { get; } = [];

        public IReadOnlyCollection<string> Commands { get; } = ["boom"];

        public bool IsPersonal(JourneyStart start) => false;

        private sealed class FailingDialog() : Dialog("test.failing")
        {
            public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
                throw new InvalidOperationException("secret connection string");
        }
    }
}
