using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// A send stopped by its token (the host shutting down) says whether the connector may have carried it out: stopped
/// while waiting to retry a refused attempt, or before the activity went out, nothing was delivered
/// (<see cref="DeliveryCancelledException"/>, so that a claimed message can be given back and sent after the restart);
/// stopped with the request on the wire, the outcome is unknown (a plain cancellation: the claim stays, never twice).
/// </summary>
public sealed class ConnectorCancellationTests
{
    private readonly ObservableTimeProvider time = new();

    [Fact]
    public async Task SendToConversationAsync_StoppedWhileWaitingToRetryA502_SaysNothingWasDelivered()
    {
        await using var services = ConnectorTestServices.Build(time, new StubTokenProvider("t"));
        await using var connector = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(502, "BadGateway"));
        using var stop = new CancellationTokenSource();

        var send = services.GetRequiredService<IConnectorClient>().SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), stop.Token);
        await time.NextWaitAsync();
        await stop.CancelAsync();

        var ex = await Assert.ThrowsAsync<DeliveryCancelledException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(stop.Token, ex.CancellationToken);
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_StoppedWithTheRequestOnTheWire_OutcomeUnknown()
    {
        var handler = new HangingHandler();
        await using var services = ConnectorTestServices.Build(time, new StubTokenProvider("t"), configureServices: s =>
            s.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));
        using var stop = new CancellationTokenSource();

        var send = services.GetRequiredService<IConnectorClient>().SendToConversationAsync("https://smba.trafficmanager.net/teams/", "a:1", Activity.CreateMessage("x"), stop.Token);
        await handler.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsNotType<DeliveryCancelledException>(ex);
    }

    [Fact]
    public async Task SendToUserAsync_StoppedWhileTheChatIsCreated_SaysNothingWasDelivered()
    {
        var handler = new HangingHandler();
        await using var services = ConnectorTestServices.Build(time, new StubTokenProvider("t"),
            o => o.DefaultServiceUrl = "https://smba.trafficmanager.net/teams/",
            configureServices: s => s.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));
        await using var scope = services.CreateAsyncScope();
        using var stop = new CancellationTokenSource();

        var send = scope.ServiceProvider.GetRequiredService<IProactiveMessenger>().SendToUserAsync("aad-user-1", "tenant-1", Activity.CreateMessage("x"), stop.Token);
        var request = await handler.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();

        Assert.EndsWith("/v3/conversations", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DeliveryCancelledException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>A connector that takes the request and never answers (until the call is cancelled).</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        public TaskCompletionSource<HttpRequestMessage> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.TrySetResult(request);
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken); // held until the sender gives up (no timer)
            throw new InvalidOperationException("unreachable");
        }
    }
}
