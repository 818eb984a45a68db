using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HiTechTex.Bot.Protocol.Authentication;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Turns one HTTP request on the messaging endpoint into one turn (spec §2.3, §4):
/// <list type="number">
/// <item><c>HEAD</c> → 200 (the Agents Playground probes with it); other non-POST methods → 405.</item>
/// <item>The bearer token through <see cref="IBotAuthenticator.AuthenticateHeaderAsync"/>, before the body is read
/// → 401 with a short body on failure (checklist §9 #1).</item>
/// <item>A body larger than <see cref="CloudAdapterOptions.MaxActivityBytes"/> → 413 with a short body: by its
/// Content-Length before anything is read, or, when it has none (chunked), as soon as the reading passes the limit
/// (over HTTP/1.x with <c>Connection: close</c>: the rest of it is not read). No turn runs for it and nothing is stored.</item>
/// <item>A body that is not an activity with a <c>type</c>, or an activity without what every turn needs
/// (<c>channelId</c>, <c>conversation.id</c>, an absolute http(s) <c>serviceUrl</c>; for a message or an invoke its
/// sender's <c>from.id</c>) → 400 with a one-line reason,
/// before any work: nothing is marked, stored or sent for it.</item>
/// <item>The token against the activity (<see cref="IBotAuthenticator.AuthorizeActivity"/>: serviceurl claim,
/// endorsements) → 401 on failure. After a real (non-anonymous) authentication <c>callerId</c> is set and the
/// serviceUrl is trusted.</item>
/// <item>An activity of a tenant not in <see cref="CloudAdapterOptions.AllowedTenantIds"/> (when that list is not
/// empty) → 403 with a short body, before any turn runs.</item>
/// <item>The bot's mention is stripped and the text's HTML entities decoded (<see cref="InboundText"/>), then the middleware and the bot run inside one error boundary.</item>
/// <item>The response: <c>expectReplies</c> → 200 <c>{"activities":[…]}</c>; invoke → the
/// <see cref="InvokeResponse"/> status and body (501 when none); otherwise 200 with an empty body.</item>
/// </list>
/// The channel waits at most 15 s (5 s for invokes) for the response (checklist 18): handlers must answer quickly and
/// hand long work to <see cref="IBackgroundTurnQueue"/>, then message the user proactively when it is done.
/// </summary>
public sealed class CloudAdapter(
    IBotAuthenticator authenticator,
    ITrustedServiceUrls trustedServiceUrls,
    IConnectorClient connector,
    IEnumerable<IMiddleware> middleware,
    IOptions<CloudAdapterOptions> options,
    ILogger<CloudAdapter> logger)
{
    private static readonly JsonSerializerOptions FallbackBodyOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const string NotAnActivity = "The request body must be an activity with a 'type'.";

    private const string TooLarge = "The request body is too large for an activity.";

    private readonly MiddlewareSet pipeline = new(middleware);

    /// <summary>Processes one request to the messaging endpoint and writes the whole response.</summary>
    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bot);

        if (HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST, HEAD";
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        // The token first (spec §9 #1): a caller without one learns nothing about what the parser accepts, and no
        // body of theirs is read. Its binding to the activity (serviceurl, endorsements) needs the body.
        var token = await authenticator.AuthenticateHeaderAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancellationToken)
            .ConfigureAwait(false);
        if (!token.Succeeded)
        {
            await RefuseAsync(response, token, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Then the size, before a byte of the body is read: Teams' activities are a few KB, and a huge body would
        // otherwise be parsed whole (only the server's own limit, Kestrel's 30 MB, stood in its way).
        var limit = options.Value.MaxActivityBytes;
        if (request.ContentLength > limit)
        {
            await RefuseTooLargeAsync(response, request.ContentLength, limit, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The server's own limit (IHttpMaxRequestBodySizeFeature) is left as it is: Kestrel counts a chunked body's
        // framing (each chunk's size line and CRLFs) against it, so lowered to ours it refused a chunked activity under
        // the limit — one sent in small chunks at a fraction of it. The counting read below counts the body itself.
        var (activity, problem, status) = await ReadActivityAsync(request, limit, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            if (status == StatusCodes.Status413PayloadTooLarge)
            {
                // The rest of the body is unread: without "close" Kestrel would read it all off (up to its own 30 MB) to
                // keep the connection. HTTP/2 has no such header (the stream ends instead).
                if (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol))
                {
                    response.Headers.Connection = "close";
                }

                await RefuseTooLargeAsync(response, request.ContentLength, limit, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(response, status, problem, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var authentication = authenticator.AuthorizeActivity(token, activity);
        if (!authentication.Succeeded)
        {
            await RefuseAsync(response, authentication, cancellationToken).ConfigureAwait(false);
            return;
        }

        // No list (every tenant): the channel data is not read for it.
        if (options.Value.AllowedTenantIds.Count > 0 && TenantsOf(activity) is var tenants && !IsAllowedTenant(tenants))
        {
            Log.TenantRefused(logger, activity.ChannelId, tenants is [] ? "none" : string.Join(",", tenants.Select(t => Utf16Text.Cut(t, 64))));
            await WriteTextAsync(response, StatusCodes.Status403Forbidden, "Forbidden", cancellationToken).ConfigureAwait(false);
            return;
        }

        // callerId is never trusted from the wire (A2251): it is ours to set, and only after a real authentication.
        activity.CallerId = null;
        if (!authentication.IsAnonymous)
        {
            activity.CallerId = CallerIds.PublicAzureChannel;
            if (!string.IsNullOrEmpty(activity.ServiceUrl))
            {
                trustedServiceUrls.Trust(activity.ServiceUrl);
            }
        }

        // The bot's mention first (its entity's text is encoded as the message's is), then the entities: every reader of
        // the turn sees the text as the user typed it.
        MentionHelper.RemoveRecipientMention(activity);
        InboundText.DecodeMessageText(activity);
        using var scope = Log.TurnScope(logger, activity.Conversation?.Id, activity.Id);
        Log.TurnStarted(logger, activity.Type, activity.Name);

        var turnContext = new TurnContext(activity, connector);
        turnContext.TurnState[TurnStateKeys.Authentication] = authentication;
        // The turn runs to its end even when the caller goes away: Teams gives up on a slow turn (closing the request)
        // and redelivers it, and the redelivery is skipped as a duplicate (the activity is marked before the bot runs),
        // so this run is the only one — stopped where the caller left, its message was lost, or half done (replies sent,
        // a record written, the dialog's state not saved).
        try
        {
            await pipeline.ReceiveActivityAsync(turnContext, bot.OnTurnAsync, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await HandleTurnErrorAsync(turnContext, e, CancellationToken.None).ConfigureAwait(false);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; nobody is left to read the response.
            Log.CallerLeftDuringTurn(logger);
            return;
        }

        await WriteTurnResponseAsync(turnContext, response, cancellationToken).ConfigureAwait(false);
        Log.TurnFinished(logger, response.StatusCode);
    }

    /// <summary>
    /// Whether the activity's tenant may use the bot when <see cref="CloudAdapterOptions.AllowedTenantIds"/> is not empty
    /// (empty: every tenant, not asked): only when it names a tenant and every tenant it names (<c>conversation.tenantId</c>,
    /// <c>channelData.tenant.id</c>) is in the list.
    /// </summary>
    private bool IsAllowedTenant(List<string> tenants)
    {
        var allowed = options.Value.AllowedTenantIds;
        return tenants.Count > 0 && tenants.All(t => allowed.Contains(t, StringComparer.OrdinalIgnoreCase));
    }

    private static List<string> TenantsOf(Activity activity) =>
        [.. new[] { activity.Conversation?.TenantId, activity.GetTeamsChannelData().Tenant?.Id }.OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task RefuseAsync(HttpResponse response, BotAuthenticationResult result, CancellationToken cancellationToken)
    {
        // The reason goes to the log only: telling the caller why a token failed helps an attacker.
        Log.AuthenticationFailed(logger, result.FailureReason);
        await WriteTextAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized", cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseTooLargeAsync(HttpResponse response, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        Log.BodyTooLarge(logger, limit, contentLength);
        await WriteTextAsync(response, StatusCodes.Status413PayloadTooLarge, TooLarge, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(Activity? Activity, string Problem, int Status)> ReadActivityAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            var body = new LimitedReadStream(request.Body, limit);
            await using (body.ConfigureAwait(false))
            {
                activity = await JsonSerializer.DeserializeAsync(body, ProtocolJsonContext.Inbound.Activity, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is ActivityBodyTooLargeException
            || (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }))
        {
            // The body grew past the limit while it was read (chunked, or a Content-Length that lied): the counting read
            // stopped it — or the server's own limit, where one lower than ours is configured.
            return (null, TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        catch (JsonException e)
        {
            // The path says where; the exception text would name .NET types, which tell the caller nothing useful.
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path;
            Log.BadRequest(logger, where is null ? "the body is not a JSON activity" : $"the body is not a valid activity at {where}");
            return (null, where is null
                ? NotAnActivity
                : $"The request body is not a valid activity: the value at {where} has the wrong type or shape.", StatusCodes.Status400BadRequest);
        }

        var problem = Problem(activity);
        if (problem is not null)
        {
            Log.BadRequest(logger, problem);
            return (null, problem, StatusCodes.Status400BadRequest);
        }

        return (activity, string.Empty, StatusCodes.Status200OK);
    }

    /// <summary>
    /// What an inbound activity lacks for a turn to run (spec §1.2: <c>type</c>; <c>conversation.id</c> is required;
    /// channels always send <c>serviceUrl</c>; <c>channelId</c> keys every state and reference), or null.
    /// </summary>
    internal static string? Problem(Activity? activity)
    {
        if (string.IsNullOrEmpty(activity?.Type))
        {
            return NotAnActivity;
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity needs a 'channelId'.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity needs a 'conversation.id'.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity needs an absolute http(s) 'serviceUrl'.";
        }

        // A message or an invoke is someone's: user state, roles and a dialog's owner are keyed by its sender. Without
        // one it would run as nobody in that conversation — and the real user's next message would answer what it
        // started. (The Bot Builder SDK's UserState throws "missing activity.from.id" here: a 500.) Channels always
        // send it.
        if ((activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.Invoke)) && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "The activity needs a 'from.id' (its sender).";
        }

        // JSON allows [null] where the schema has objects; no channel sends one, and every reader would trip on it.
        return NullItem("entities", activity.Entities) ?? NullItem("attachments", activity.Attachments)
            ?? NullItem("membersAdded", activity.MembersAdded) ?? NullItem("membersRemoved", activity.MembersRemoved);
    }

    private static string? NullItem<T>(string name, IList<T>? list)
        where T : class
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is null)
            {
                return $"The activity's '{name}[{i}]' is null.";
            }
        }

        return null;
    }

    /// <summary>The one error boundary of a turn: logged once, a polite word to the user, never the exception text.</summary>
    private async Task HandleTurnErrorAsync(TurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        Log.TurnFailed(logger, exception, activity.Type, activity.Id, activity.Conversation?.Id);

        if (activity.IsType(ActivityTypes.Invoke))
        {
            turnContext.InvokeResponse = CreateInvokeErrorResponse(turnContext);
            return;
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            // Nobody typed anything (install, update, event…): a message out of the blue would only confuse.
            return;
        }

        try
        {
            await turnContext.SendActivityAsync(
                new Activity { Type = ActivityTypes.Message, Text = ErrorMessageOf(turnContext), TextFormat = "plain" },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ErrorReplyFailed(logger, e);
        }
    }

    /// <summary>The turn's own error message (in the user's language, <see cref="TurnStateKeys.ErrorMessage"/>), else the configured one.</summary>
    private string ErrorMessageOf(TurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(TurnStateKeys.ErrorMessage, out var value) && value is string { Length: > 0 } message
            ? message
            : options.Value.ErrorMessage;

    private InvokeResponse CreateInvokeErrorResponse(TurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var detail = new ErrorDetail { Code = "InternalError", Message = ErrorMessageOf(turnContext) };

        // adaptiveCard/action always answers HTTP 200 once the bot's code ran; the failure goes in statusCode (§5.2).
        return string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal)
            ? new InvokeResponse(StatusCodes.Status200OK, AdaptiveCardInvokeResponse.Error(StatusCodes.Status500InternalServerError, detail.Code, detail.Message))
            : new InvokeResponse(StatusCodes.Status500InternalServerError, detail);
    }

    private async Task WriteTurnResponseAsync(TurnContext turnContext, HttpResponse response, CancellationToken cancellationToken)
    {
        if (turnContext.ExpectsReplies)
        {
            // Everything sent in the turn goes back in the body; nothing was posted to the connector (checklist 19).
            var replies = new ExpectedReplies { Activities = [.. turnContext.BufferedReplies] };
            await WriteJsonAsync(response, StatusCodes.Status200OK, replies, ProtocolJsonContext.Outbound.ExpectedReplies, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (!turnContext.Activity.IsType(ActivityTypes.Invoke))
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (turnContext.InvokeResponse is not { } invokeResponse)
        {
            response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        if (invokeResponse.Body is null)
        {
            response.StatusCode = invokeResponse.Status;
            return;
        }

        // Only the body is written, never the {status, body} wrapper (spec §4.2).
        byte[] body;
        try
        {
            body = SerializeBody(invokeResponse.Body);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            Log.TurnFailed(logger, e, turnContext.Activity.Type, turnContext.Activity.Id, turnContext.Activity.Conversation?.Id);
            response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        response.StatusCode = invokeResponse.Status;
        response.ContentType = "application/json; charset=utf-8";
        await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] SerializeBody(object body)
    {
        // Protocol types use the source-generated contract; a type from elsewhere (a feature's own response shape)
        // falls back to reflection with the same camelCase / omit-null rules.
        var typeInfo = ProtocolJsonContext.Outbound.GetTypeInfo(body.GetType());
        return typeInfo is not null
            ? JsonSerializer.SerializeToUtf8Bytes(body, typeInfo)
            : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), FallbackBodyOptions);
    }

    private static async Task WriteJsonAsync<T>(HttpResponse response, int statusCode, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpResponse response, int statusCode, string text, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
    }
}
