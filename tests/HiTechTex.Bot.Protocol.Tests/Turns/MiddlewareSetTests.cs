using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class MiddlewareSetTests
{
    [Fact]
    public async Task ReceiveActivityAsync_TwoMiddleware_RunInOrderAroundTheBot()
    {
        var trace = new List<string>();
        var set = new MiddlewareSet().Use(new TracingMiddleware("a", trace)).Use(new TracingMiddleware("b", trace));
        var context = new TurnContext(TestActivities.Message(), new RecordingConnectorClient());

        await set.ReceiveActivityAsync(context, (_, _) => { trace.Add("bot"); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(["a>", "b>", "bot", "<b", "<a"], trace);
    }

    [Fact]
    public async Task ReceiveActivityAsync_MiddlewareSkipsNext_BotIsNotCalled()
    {
        var botCalled = false;
        var set = new MiddlewareSet().Use(new ShortCircuitMiddleware());
        var context = new TurnContext(TestActivities.Message(), new RecordingConnectorClient());

        await set.ReceiveActivityAsync(context, (_, _) => { botCalled = true; return Task.CompletedTask; }, CancellationToken.None);

        Assert.False(botCalled);
    }

    private sealed class TracingMiddleware(string name, List<string> trace) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
        {
            trace.Add(name + ">");
            await next(cancellationToken);
            trace.Add("<" + name);
        }
    }

    private sealed class ShortCircuitMiddleware : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
