using System.Net;
using System.Net.Sockets;
using System.Text;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// <c>Messaging:MaxActivityBytes</c> on real Kestrel over a loopback socket, with a real HttpClient. The other tests of
/// the limit run on TestServer, which offers no <c>IHttpMaxRequestBodySizeFeature</c> and neither drains a refused body
/// nor closes a connection; here Kestrel's own limit (lowered to ours) and its connection handling take part: the 413
/// with its short body whether the caller gave a Content-Length or streamed the body chunked, no turn run and nothing
/// stored, nothing logged but the one warning, and the server answering the caller's next request.
/// </summary>
public sealed class MessagingSizeLimitKestrelTests : IDisposable
{
    private const int Limit = 16_384;

    private const int OneMebibyte = 1024 * 1024;

    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    private readonly BotHostFactory factory;

    private readonly HttpClient client;

    private int connections;

    public MessagingSizeLimitKestrelTests()
    {
        factory = new BotHostFactory(databasePath);
        factory.Settings["Messaging:MaxActivityBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.UseKestrel(0);   // a free port on 127.0.0.1, taken by Kestrel itself
        factory.StartServer();
        client = new HttpClient(new SocketsHttpHandler { ConnectCallback = ConnectAsync }) { BaseAddress = factory.ClientOptions.BaseAddress };
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(true, OneMebibyte)]
    [InlineData(false, OneMebibyte)]
    public async Task Post_OverTheLimit_Answers413WithAShortBodyAndRunsNothing(bool withContentLength, int overBy)
    {
        var conversationId = Activities.NewConversationId();

        using var response = await PostAsync(ActivityOfSize(conversationId, Limit + overBy), withContentLength);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The request body is too large for an activity.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, connections);   // a real socket, not the in-memory server
        Assert.Empty(factory.Connector.SentTo(conversationId));
        Assert.Null(await GetStoredAsync(conversationId));
        var logged = factory.Logs.Entries.ToList();
        Assert.Single(logged, e => e.EventId == 1307 && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logged, e => e.Category == typeof(CloudAdapter).FullName && e.EventId == 1300);   // "Turn started"
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Error || (e.Level >= LogLevel.Warning && e.Exception is not null));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_ExactlyAtTheLimit_Answers200AndRunsTheTurn(bool withContentLength)
    {
        var conversationId = Activities.NewConversationId();

        using var response = await PostAsync(ActivityOfSize(conversationId, Limit), withContentLength);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(factory.Connector.SentTo(conversationId));
        Assert.NotNull(await GetStoredAsync(conversationId));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId == 1307);
    }

    /// <summary>
    /// Kestrel counts a chunked body's framing (each chunk's size line and CRLFs) against its own limit: lowered to ours,
    /// it refused this activity — three quarters of the limit, in 16-byte chunks, 22 bytes each on the wire.
    /// </summary>
    [Fact]
    public async Task Post_ChunkedInSmallChunksUnderTheLimit_Answers200AndRunsTheTurn()
    {
        var conversationId = Activities.NewConversationId();
        using var content = new ChunkedContent(ActivityOfSize(conversationId, Limit * 3 / 4), chunkSize: 16);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(factory.Connector.SentTo(conversationId));
    }

    /// <summary>
    /// A body refused by its Content-Length is read off by Kestrel after the 413, so the caller's connection serves its
    /// next request; the rest of a chunked one is not read (it could run to Kestrel's own 30 MB), so the 413 says
    /// "Connection: close" and the next request comes on a new connection. Either way the next activity is answered and its turn runs.
    /// </summary>
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task Post_AfterA413_TheNextRequestIsAnsweredAndItsTurnRuns(bool withContentLength, int connectionsUsed)
    {
        using (var refused = await PostAsync(ActivityOfSize(Activities.NewConversationId(), Limit + OneMebibyte), withContentLength))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Equal(!withContentLength, refused.Headers.ConnectionClose == true);
        }

        var conversationId = Activities.NewConversationId();

        using var response = await client.PostActivityAsync(Activities.Message(conversationId, "hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nice to meet you! Shall I call you Alex Wilber?", Assert.Single(factory.Connector.SentTo(conversationId)).Text);
        Assert.Equal(connectionsUsed, connections);
    }

    /// <summary>A caller that waits for "100 Continue" before its body is refused by its Content-Length without sending it.</summary>
    [Fact]
    public async Task Post_OverTheLimitExpecting100Continue_Answers413AndTheNextRequestIsAnswered()
    {
        var conversationId = Activities.NewConversationId();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent(ActivityOfSize(conversationId, Limit + OneMebibyte), withContentLength: true) };
        request.Headers.ExpectContinue = true;

        using (var refused = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Equal("The request body is too large for an activity.", await refused.Content.ReadAsStringAsync());
        }

        using var next = await client.PostActivityAsync(Activities.Message(Activities.NewConversationId(), "hello"));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Empty(factory.Connector.SentTo(conversationId));
        Assert.Null(await GetStoredAsync(conversationId));
    }

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    /// <summary>A message activity whose JSON is exactly <paramref name="size"/> bytes (its text padded).</summary>
    private static byte[] ActivityOfSize(string conversationId, int size)
    {
        var activity = Activities.Message(conversationId, "");
        activity["text"] = new string('a', size - Encoding.UTF8.GetByteCount(activity.ToJsonString()));
        var body = Encoding.UTF8.GetBytes(activity.ToJsonString());
        Assert.Equal(size, body.Length);
        return body;
    }

    private static HttpContent JsonContent(byte[] body, bool withContentLength)
    {
        HttpContent content = withContentLength ? new ByteArrayContent(body) : new ChunkedContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] body, bool withContentLength)
    {
        using var content = JsonContent(body, withContentLength);
        return await client.PostAsync("/api/messages", content);
    }

    private async Task<StoredConversationReference?> GetStoredAsync(string conversationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().GetAsync(conversationId, CancellationToken.None);
    }

    /// <summary>Every connection the client opens, counted: whether a 413 left the caller's connection usable.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref connections);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException)
        {
            socket.Dispose();
            throw;
        }
    }
}
