using System.Collections.Concurrent;
using System.Threading.Channels;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// A Bot Connector on a <see cref="LocalHttpServer"/>: answers each request with what the test scripts (by request
/// number), records the raw request target (to check escaping) and signals every arrival.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly Channel<RecordedRequest> arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private readonly ConcurrentQueue<string> rawTargets = new();
    private LocalHttpServer server = null!;
    private int count;

    public string BaseUrl => server.BaseUrl;

    public IReadOnlyList<RecordedRequest> Requests => server.Requests;

    /// <summary>The request targets exactly as sent on the wire, e.g. <c>/v3/conversations/19%3Aabc/activities</c>.</summary>
    public IReadOnlyList<string> RawTargets => [.. rawTargets];

    public static async Task<FakeConnector> StartAsync(Func<int, RecordedRequest, FakeResponse>? respond = null)
    {
        respond ??= (_, _) => FakeResponse.Ok("""{"id":"activity-1"}""");
        var connector = new FakeConnector();
        connector.server = await LocalHttpServer.StartAsync(async (context, request) =>
        {
            connector.rawTargets.Enqueue(context.Features.Get<IHttpRequestFeature>()!.RawTarget);
            var number = Interlocked.Increment(ref connector.count) - 1;
            var response = respond(number, request);
            context.Response.StatusCode = response.Status;
            context.Response.Headers["X-Correlating-OperationId"] = $"op-{number}";
            if (response.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = response.RetryAfter;
            }

            if (response.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(response.Body);
            }

            connector.arrivals.Writer.TryWrite(request);
        });
        return connector;
    }

    /// <summary>Waits (bounded, real time) for the next request to have been answered.</summary>
    public async Task<RecordedRequest> NextRequestAsync() =>
        await arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
