using System.Net;
using System.Text.Json;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests;

public sealed class ErrorBoundaryTests : IDisposable
{
    private const string Secret = "Password=hunter2 at Server=db.internal";
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task Post_HandlerThrows_UserGetsPoliteMessageAndNothingLeaks()
    {
        using var factory = CreateFactory();
        var conversationId = Activities.NewConversationId();

        using var response = await factory.CreateClient().PostActivityAsync(Activities.Message(conversationId, "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(factory.Connector.SentTo(conversationId));
        Assert.Contains("Sorry", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", reply.Text, StringComparison.Ordinal);
        var error = Assert.Single(factory.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(conversationId, error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task Post_InvokeHandlerThrows_Answers500WithSafeBody()
    {
        using var factory = CreateFactory();
        var invoke = Activities.Base("invoke", Activities.NewConversationId(), a => a["name"] = "task/fetch");

        using var response = await factory.CreateClient().PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("InternalError", json.RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    private BotHostFactory CreateFactory() => new(databasePath)
    {
        ConfigureServices = services => services.AddScoped<IBot, ThrowingBot>(),
    };

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
