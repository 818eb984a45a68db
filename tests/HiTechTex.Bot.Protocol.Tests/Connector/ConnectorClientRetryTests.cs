using System.Net;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// Checklist 30. Each test starts the call, waits until the client has begun its timed wait (the time provider
/// reports the length), then advances the fake clock: no sleeping, and the reported length is the thing under test.
/// </summary>
public sealed class ConnectorClientRetryTests : IAsyncDisposable
{
    private readonly ObservableTimeProvider time = new();
    private readonly ServiceProvider services;

    public ConnectorClientRetryTests() => services = ConnectorTestServices.Build(time, new StubTokenProvider("t"));

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    private IConnectorClient Client => services.GetRequiredService<IConnectorClient>();

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfter_WaitsThatLongThenRetries()
    {
        await using var connector = await FakeConnector.StartAsync((n, _) =>
            n == 0 ? FakeResponse.Error(429, "TooManyRequests", retryAfter: "7") : FakeResponse.Ok("""{"id":"sent"}"""));

        var send = Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        await connector.NextRequestAsync();
        var wait = await time.NextWaitAsync();
        time.Advance(TimeSpan.FromSeconds(6.9));

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.False(send.IsCompleted);
        Assert.Single(connector.Requests);

        time.Advance(TimeSpan.FromSeconds(0.1));
        var response = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("sent", response.Id);
        Assert.Equal(2, connector.Requests.Count);
        Assert.Equal(connector.Requests[0].Body, connector.Requests[1].Body);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        var retryAt = time.GetUtcNow().AddSeconds(5).ToString("R");
        await using var connector = await FakeConnector.StartAsync((n, _) =>
            n == 0 ? FakeResponse.Error(429, "TooManyRequests", retryAfter: retryAt) : FakeResponse.Ok("""{"id":"sent"}"""));

        var send = Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        var wait = await time.NextWaitAsync();
        time.Advance(wait);
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(5), wait);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_503ThenSuccess_RetriesAfterJitteredBaseDelay()
    {
        await using var connector = await FakeConnector.StartAsync((n, _) =>
            n == 0 ? new FakeResponse(503, "<html>busy</html>") : FakeResponse.Ok("""{"id":"sent"}"""));

        var send = Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        var wait = await time.NextWaitAsync();
        time.Advance(wait);
        var response = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(wait, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Equal("sent", response.Id);
        Assert.Equal(2, connector.Requests.Count);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendToConversationAsync_OtherRetryableStatus_IsRetried(int status)
    {
        await using var connector = await FakeConnector.StartAsync((n, _) =>
            n == 0 ? FakeResponse.Error(status, "Transient") : FakeResponse.Ok("""{"id":"sent"}"""));

        var send = Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        time.Advance(await time.NextWaitAsync());
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, connector.Requests.Count);
    }

    [Theory]
    [InlineData(400, "BadSyntax")]
    [InlineData(401, "Unauthorized")]
    [InlineData(404, "ConversationNotFound")]
    public async Task SendToConversationAsync_Other4xx_ThrowsWithoutRetry(int status, string code)
    {
        await using var connector = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(status, code));

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None));

        Assert.Single(connector.Requests);
        Assert.False(time.HasPendingWait);
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(code, ex.Error?.Error?.Code);
        Assert.Equal($"scripted {status}", ex.Error?.Error?.Message);
    }

    [Fact]
    public async Task SendToConversationAsync_Always503_StopsAfterMaxRetriesWithGrowingCappedDelays()
    {
        await using var connector = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(503, "ServiceUnavailable"));
        await using var capped = ConnectorTestServices.Build(time, new StubTokenProvider("t"), o => o.MaxDelay = TimeSpan.FromSeconds(5));

        var send = capped.GetRequiredService<IConnectorClient>()
            .SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None);
        var waits = new List<TimeSpan>();
        for (var retry = 0; retry < 3; retry++)
        {
            var wait = await time.NextWaitAsync();
            waits.Add(wait);
            time.Advance(wait);
        }

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(4, connector.Requests.Count);
        Assert.False(time.HasPendingWait);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("ServiceUnavailable", ex.Error?.Error?.Code);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4.8));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterBeyondMaximum_ThrowsWithoutWaiting()
    {
        await using var connector = await FakeConnector.StartAsync((_, _) => FakeResponse.Error(429, "TooManyRequests", retryAfter: "600"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(
            () => Client.SendToConversationAsync(connector.BaseUrl, "a:1", Activity.CreateMessage("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(connector.Requests);
    }
}
