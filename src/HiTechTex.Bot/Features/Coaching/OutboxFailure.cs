using HiTechTex.Bot.Protocol.Connector;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Why an outbox attempt failed, and whether trying again can help.</summary>
/// <param name="Transient">429, 5xx, timeouts and network errors: retry. Anything else: failed for good.</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, when it sent one.</param>
/// <param name="Reason">A short reason for the coordinator and the log (no tokens, no bodies).</param>
internal sealed record OutboxFailure(bool Transient, TimeSpan? RetryAfter, string Reason)
{
    /// <summary>Set when the row was not refused but stopped being worth trying (too late, too many attempts).</summary>
    public OutboxGiveUp GiveUp { get; init; }

    /// <summary>What the coordinator's card says of it (translated); <see cref="Reason"/> keeps the detail for the log.</summary>
    public CalendarSyncReason Code { get; init; } = CalendarSyncReason.Unexpected;

    public static OutboxFailure Permanent(string reason) => new(false, null, reason);

    /// <summary>Failed for good without a refusal: <paramref name="why"/>, and the last error seen, if any.</summary>
    public static OutboxFailure GivenUp(OutboxGiveUp kind, string why, string? lastError) =>
        new(false, null, lastError is { Length: > 0 } ? $"{why} (last error: {lastError})" : why)
        {
            GiveUp = kind,
            Code = kind switch
            {
                OutboxGiveUp.SessionEnded => CalendarSyncReason.SessionEnded,
                OutboxGiveUp.TooManyAttempts => CalendarSyncReason.TooManyAttempts,
                _ => CalendarSyncReason.Unexpected,
            },
        };

    /// <param name="now">When the answer came: a <c>Retry-After</c> given as an HTTP date is a wait until then.</param>
    public static OutboxFailure Classify(Exception exception, bool timedOut, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (timedOut && exception is OperationCanceledException)
        {
            return new(true, null, "timeout") { Code = CalendarSyncReason.Timeout };
        }

        switch (exception)
        {
            case ApiException { ResponseStatusCode: >= 200 and < 300 } or System.Text.Json.JsonException or IOException
                or HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                // An answer cut short or not JSON (a proxy's page, a dropped connection): the call may have been carried
                // out, and trying again is safe — a create goes again with its transactionId, a patch is the same patch.
                return new(true, null, "unreadable answer") { Code = CalendarSyncReason.Unavailable };
            case OrganizerMailboxRefusedException refused:
                return new(false, null, refused.Message) { Code = CalendarSyncReason.MailboxNotFound };
            case ApiException api when OrganizerMailboxRefusedException.NamesTheMailbox(api):
                return new(false, null, $"HTTP {api.ResponseStatusCode} {((ODataError)api).Error!.Code}") { Code = CalendarSyncReason.MailboxNotFound };
            case ApiException api:
                var code = (exception as ODataError)?.Error?.Code;
                var reason = code is null ? $"HTTP {api.ResponseStatusCode}" : $"HTTP {api.ResponseStatusCode} {code}";
                return IsGraphConflict(api.ResponseStatusCode)
                    ? new(true, RetryAfterOf(api, now), reason) { Code = CalendarSyncReason.Unavailable }
                    : new(IsTransient(api.ResponseStatusCode), RetryAfterOf(api, now), reason) { Code = CodeOf(api.ResponseStatusCode) };
            case HttpRequestException { StatusCode: { } status } when (int)status is >= 400 and < 500 and not 408 and not 429:
                return new(false, null, $"token endpoint HTTP {(int)status}") { Code = CalendarSyncReason.SignInRefused };
            case HttpRequestException http:
                return new(true, (http as TokenEndpointException)?.RetryAfter is { } retry ? WaitOf(retry, now) : null, http.StatusCode is { } s ? $"HTTP {(int)s}" : "network error")
                {
                    Code = http.StatusCode is { } throttled && (int)throttled == 429 ? CalendarSyncReason.Throttled : CalendarSyncReason.Unavailable,
                };
            case ConnectorException connector:
                return new(IsTransient((int)connector.StatusCode), null, $"connector HTTP {(int)connector.StatusCode}") { Code = CodeOf((int)connector.StatusCode) };
            default:
                return new(false, null, exception.GetType().Name);
        }
    }

    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    // Graph's 409/412 ErrorIrresolvableConflict: the event was saved at the same moment by someone else (the organizer
    // in Outlook, Exchange itself); the bot's PATCH carries no change key, so the same request goes through on a retry.
    private static bool IsGraphConflict(int status) => status is 409 or 412;

    private static CalendarSyncReason CodeOf(int status) => status switch
    {
        401 or 403 => CalendarSyncReason.AccessDenied,
        404 or 410 => CalendarSyncReason.NotFound,
        408 => CalendarSyncReason.Timeout,
        429 => CalendarSyncReason.Throttled,
        >= 500 => CalendarSyncReason.Unavailable,
        >= 400 => CalendarSyncReason.Refused,
        _ => CalendarSyncReason.Unexpected,
    };

    private static TimeSpan? RetryAfterOf(ApiException api, DateTimeOffset now)
    {
        if (api.ResponseHeaders is null)
        {
            return null;
        }

        foreach (var (name, values) in api.ResponseHeaders)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (System.Net.Http.Headers.RetryConditionHeaderValue.TryParse(values.FirstOrDefault(), out var retry))
            {
                return WaitOf(retry, now);
            }
        }

        return null;
    }

    // Seconds, or an HTTP date (RFC 9110 allows both; a proxy in front of Graph or the token endpoint may send a date).
    private static TimeSpan? WaitOf(System.Net.Http.Headers.RetryConditionHeaderValue retry, DateTimeOffset now) => retry.Delta ?? retry.Date - now;
}
