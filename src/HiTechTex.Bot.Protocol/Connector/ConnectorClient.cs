using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST client (spec §3.2–3.4) on the named <see cref="HttpClientName"/> HttpClient. Bodies are
/// camelCase with nulls omitted and without <c>id</c>/<c>timestamp</c>; ids in paths are escaped; the token goes only to
/// trusted serviceUrls; 429/412/502/503/504 are retried with <c>Retry-After</c> or jittered exponential backoff; sends
/// are throttled per conversation and tenant; activities over the Teams size limit are refused before sending.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokenProvider,
    ITrustedServiceUrls trustedServiceUrls,
    SendThrottle throttle,
    IOptions<ConnectorOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    /// <summary>The name of the HttpClient used for connector calls.</summary>
    public const string HttpClientName = "BotConnector";

    private const string CorrelationHeader = "X-Correlating-OperationId";

    // The body goes to an HTTP API, never into HTML, so non-ASCII text (Grüße, Αθήνα) stays readable and is counted at
    // its real size by the 40 KB check instead of six characters per letter.
    private static readonly JsonWriterOptions BodyWriterOptions = new() { Encoder = WireJsonEncoder.Instance };

    private readonly ConnectorOptions settings = options.Value;

    /// <inheritdoc />
    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var body = SerializeActivity(activity, replyToId: null);
        var call = new Call("SendToConversation", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", body, conversationId, activity.GetTenantId());
        return await SendAsync(call, ProtocolJsonContext.Inbound.ResourceResponse, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var body = SerializeActivity(activity, replyToId: activityId);
        var call = new Call("ReplyToActivity", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", body, conversationId, activity.GetTenantId());
        return await SendAsync(call, ProtocolJsonContext.Inbound.ResourceResponse, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var body = SerializeActivity(activity, replyToId: null);
        var call = new Call("UpdateActivity", HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", body, conversationId, activity.GetTenantId());
        return await SendAsync(call, ProtocolJsonContext.Inbound.ResourceResponse, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activityId);
    }

    /// <inheritdoc />
    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        var call = new Call("DeleteActivity", HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, conversationId, null);
        await SendAsync<JsonElement>(call, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, ProtocolJsonContext.Outbound.ConversationParameters);
        var tenantId = parameters.TenantId ?? parameters.Activity?.GetTenantId();
        var call = new Call("CreateConversation", HttpMethod.Post, serviceUrl, "v3/conversations", body, null, tenantId);
        return await SendAsync(call, ProtocolJsonContext.Inbound.ConversationResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException(HttpStatusCode.OK, null, "The connector answered the conversation creation with an empty body.");
    }

    /// <inheritdoc />
    public async Task<IList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var call = new Call("GetConversationMembers", HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members", null, null, null);
        return await SendAsync(call, ProtocolJsonContext.Inbound.IListChannelAccount, cancellationToken).ConfigureAwait(false) ?? [];
    }

    /// <inheritdoc />
    public async Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var call = new Call("GetConversationMember", HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, null, null);
        return await SendAsync(call, ProtocolJsonContext.Inbound.ChannelAccount, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException(HttpStatusCode.OK, null, "The connector answered the member look-up with an empty body.");
    }

    /// <summary>
    /// The JSON body of an outbound activity: <c>id</c> and <c>timestamp</c> removed (the channel assigns them, spec §1.1),
    /// <c>replyToId</c> filled in for replies when missing. Works on a JSON copy so the caller's object is untouched.
    /// </summary>
    internal byte[] SerializeActivity(Activity activity, string? replyToId)
    {
        var node = JsonSerializer.SerializeToNode(activity, ProtocolJsonContext.Outbound.Activity)?.AsObject()
            ?? throw new InvalidOperationException("The activity serialized to null.");
        node.Remove("id");
        node.Remove("timestamp");
        if (replyToId is not null && node["replyToId"] is null)
        {
            node["replyToId"] = replyToId;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, BodyWriterOptions))
        {
            node.WriteTo(writer);
        }

        var bytes = buffer.ToArray();

        // Teams measures the message as UTF-16 (spec §3.4): two bytes per UTF-16 code unit of the JSON text.
        var utf16Bytes = Encoding.UTF8.GetCharCount(bytes) * 2;
        if (utf16Bytes > settings.MaxActivityBytes)
        {
            Log.ActivityTooLarge(logger, utf16Bytes, settings.MaxActivityBytes);
            throw new ActivityTooLargeException(utf16Bytes, settings.MaxActivityBytes);
        }

        return bytes;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);

        // serviceUrls come both as "https://smba.trafficmanager.net/emea/" and without the slash; keep their path.
        if (!Uri.TryCreate($"{serviceUrl.TrimEnd('/')}/{relativePath}", UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an absolute http(s) serviceUrl.", nameof(serviceUrl));
        }

        return uri;
    }

    private async Task<T?> SendAsync<T>(Call call, JsonTypeInfo<T>? resultType, CancellationToken cancellationToken)
    {
        // Set while a request is on the wire or was accepted: stopped then, whether the connector carried it out is unknown.
        var mayHaveArrived = false;
        try
        {
            return await SendAttemptsAsync(call, resultType, () => mayHaveArrived = true, () => mayHaveArrived = false, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!mayHaveArrived && cancellationToken.IsCancellationRequested && ex is not DeliveryCancelledException)
        {
            // Stopped in the throttle, the token or the wait before a retry: nothing was carried out.
            throw new DeliveryCancelledException(ex, cancellationToken);
        }
    }

    private async Task<T?> SendAttemptsAsync<T>(
        Call call, JsonTypeInfo<T>? resultType, Action sending, Action refused, CancellationToken cancellationToken)
    {
        var uri = BuildUri(call.ServiceUrl, call.RelativePath);
        for (var attempt = 0; ; attempt++)
        {
            // Retries count against the rate limits too, so every attempt passes the throttle.
            if (call.ConversationId is not null || call.TenantId is not null)
            {
                await throttle.WaitAsync(call.ConversationId, call.TenantId, cancellationToken).ConfigureAwait(false);
            }

            using var request = new HttpRequestMessage(call.Method, uri);
            if (call.Body is not null)
            {
                request.Content = new ByteArrayContent(call.Body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            await AuthorizeAsync(request, call.ServiceUrl, uri, cancellationToken).ConfigureAwait(false);

            var client = httpClientFactory.CreateClient(HttpClientName);
            sending();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? string.Join(",", values) : null;
            Log.ConnectorResponse(logger, call.Operation, call.Method.Method, uri.Host, (int)response.StatusCode, correlationId);

            if (response.IsSuccessStatusCode)
            {
                return resultType is null ? default : await ReadResultAsync(response, resultType, cancellationToken).ConfigureAwait(false);
            }

            // Refused (the retryable ones are sent again for that reason): not carried out.
            refused();
            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var delay = attempt < settings.MaxRetries && IsRetryable(response.StatusCode) ? GetRetryDelay(response, attempt) : null;
            if (delay is null)
            {
                Log.ConnectorCallFailed(logger, call.Operation, (int)response.StatusCode, error?.Error?.Code, error?.Error?.SubCode, attempt + 1, correlationId);
                throw new ConnectorException(
                    response.StatusCode,
                    error,
                    $"{call.Operation} failed with {(int)response.StatusCode} {response.StatusCode}{(error?.Error?.Code is { } code ? $" ({code})" : "")} after {attempt + 1} attempt(s).");
            }

            Log.ConnectorRetry(logger, call.Operation, (int)response.StatusCode, delay.Value, attempt + 1, settings.MaxRetries);
            await Task.Delay(delay.Value, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, string serviceUrl, Uri uri, CancellationToken cancellationToken)
    {
        if (!tokenProvider.IsConfigured)
        {
            return;
        }

        if (!trustedServiceUrls.IsTrusted(serviceUrl))
        {
            // Checklist 27: the token goes only to verified serviceUrls; the call still goes out so the failure
            // (most likely 401) is visible rather than a silent drop.
            Log.UntrustedServiceUrl(logger, uri.GetLeftPart(UriPartial.Authority));
            return;
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private static bool IsRetryable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or
        HttpStatusCode.PreconditionFailed or
        HttpStatusCode.BadGateway or
        HttpStatusCode.ServiceUnavailable or
        HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// The wait before the next attempt: the server's <c>Retry-After</c> (seconds or date) if present, else
    /// <c>BaseDelay·2^attempt</c> with ±<c>JitterFraction</c> jitter, capped at <c>MaxDelay</c>. Null means give up
    /// (a <c>Retry-After</c> beyond <c>MaxRetryAfter</c>).
    /// </summary>
    private TimeSpan? GetRetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? requested = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        if (requested is { } wait)
        {
            if (wait < TimeSpan.Zero)
            {
                wait = TimeSpan.Zero;
            }

            return wait <= settings.MaxRetryAfter ? wait : null;
        }

        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var jitter = 1 + ((Random.Shared.NextDouble() * 2) - 1) * settings.JitterFraction;
        var milliseconds = Math.Min(exponential * jitter, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
    }

    private static async Task<T?> ReadResultAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(text, resultType);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(response.StatusCode, null, $"The connector answered {(int)response.StatusCode} with a body that is not the expected JSON: {ex.Message}");
        }
    }

    private static async Task<ErrorResponse?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, ProtocolJsonContext.Inbound.ErrorResponse);
        }
        catch (JsonException)
        {
            // Gateways answer 502/504 with HTML; the status code is what matters then.
            return null;
        }
    }

    /// <summary>One connector operation: what to send where, and the throttle keys it counts against.</summary>
    private sealed record Call(string Operation, HttpMethod Method, string ServiceUrl, string RelativePath, byte[]? Body, string? ConversationId, string? TenantId);
}
