using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// Microsoft Graph's calendar REST shapes on a <see cref="LocalHttpServer"/>: the client-credentials token endpoint,
/// <c>POST /v1.0/users/{id}/events</c> (201, de-duplicated by <c>transactionId</c> like Graph), <c>PATCH …/events/{id}</c>,
/// <c>GET …/events/{id}</c> (its start and end in UTC), <c>POST …/events/{id}/cancel</c> (202), <c>DELETE …/events/{id}</c> (204) and <c>POST …/calendar/getSchedule</c>; with faults on demand.
/// </summary>
internal sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Tenant = "tenant-1";

    private readonly ConcurrentQueue<Func<HttpContext, Task<bool>>> faults = new();
    private int eventCounter;

    private FakeGraphServer(LocalHttpServer server) => Server = server;

    public LocalHttpServer Server { get; }

    /// <summary>Events by id, as last created or patched.</summary>
    public ConcurrentDictionary<string, JsonObject> Events { get; } = new();

    public ConcurrentBag<string> Cancelled { get; } = [];

    /// <summary>
    /// The mailbox whose calendar holds each event (as Graph, an event is found only under its own mailbox: a call
    /// under another answers 404 ErrorItemNotFound, and a <c>transactionId</c> is recognized only in its mailbox).
    /// </summary>
    public ConcurrentDictionary<string, string> MailboxOf { get; } = new();

    /// <summary>Events DELETEd, as (mailbox, event id), in order.</summary>
    public ConcurrentQueue<(string Mailbox, string EventId)> Deleted { get; } = new();

    /// <summary>While true every Graph call answers <see cref="DownStatus"/> (the token endpoint stays up).</summary>
    public bool Down { get; set; }

    /// <summary>What a Graph call answers while <see cref="Down"/>: 503 ServiceNotAvailable unless set.</summary>
    public (int Status, string Code) DownStatus { get; set; } = (503, "ServiceNotAvailable");

    /// <summary>
    /// The mailboxes that exist (any when empty): a call under <c>/users/{other}</c> answers 404 with
    /// <see cref="UnknownMailboxCode"/>, as Graph answers for a user it does not know.
    /// </summary>
    public HashSet<string> Mailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The error code of that 404: Graph's <c>ErrorInvalidUser</c> unless set.</summary>
    public string UnknownMailboxCode { get; set; } = "ErrorInvalidUser";

    /// <summary>The busy items <c>getSchedule</c> reports (UTC).</summary>
    public List<(DateTime Start, DateTime End, string Subject)> Busy { get; } = [];

    /// <summary>Completed when a hanging request has arrived (see <see cref="HangNext"/>).</summary>
    public TaskCompletionSource HangArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int TokenRequests;

    public IReadOnlyList<RecordedRequest> GraphRequests => [.. Server.Requests.Where(r => r.Path.StartsWith("/v1.0/", StringComparison.Ordinal))];

    public static async Task<FakeGraphServer> StartAsync()
    {
        FakeGraphServer? fake = null;
        var server = await LocalHttpServer.StartAsync((context, request) => fake!.HandleAsync(context, request));
        fake = new FakeGraphServer(server);
        return fake;
    }

    /// <summary>The host settings that point Graph at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Graph:TenantId"] = Tenant,
        ["Graph:ClientId"] = "client-1",
        ["Graph:ClientSecret"] = "secret-1",
        ["Graph:BaseUrl"] = Server.BaseUrl + "/v1.0",
        ["Graph:TokenEndpoint"] = $"{Server.BaseUrl}/{Tenant}/oauth2/v2.0/token",
        ["Graph:RequestTimeout"] = "00:00:30",
    };

    /// <summary>The next Graph call answers <paramref name="status"/> with Graph's error body and optional Retry-After.</summary>
    public void FailNext(int status, string code, int? retryAfterSeconds = null) => faults.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code + " (fake)" } });
        return true;
    });

    /// <summary>
    /// The next Graph call answers <paramref name="status"/> with <paramref name="body"/> as it is (a gateway's HTML page,
    /// a cut JSON answer…) and, when given, that <c>Retry-After</c> value as is; with <paramref name="processFirst"/> the
    /// server does the work first, like a create whose answer came back broken.
    /// </summary>
    public void AnswerNextRaw(int status, string contentType, string body, string? retryAfter = null, bool processFirst = false) => faults.Enqueue(async context =>
    {
        if (processFirst)
        {
            await RouteAsync(context, await ReadBodyAsync(context), respond: false);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        await context.Response.WriteAsync(body);
        return true;
    });

    /// <summary>The next token request answers this (status, content type, body, and that <c>Retry-After</c> as is when not null) instead of a token.</summary>
    public ConcurrentQueue<(int Status, string ContentType, string Body, string? RetryAfter)> TokenAnswers { get; } = new();

    /// <summary>
    /// The next Graph call never answers (until the client gives up). With <paramref name="processFirst"/> the server
    /// does the work first, like a create whose answer was lost.
    /// </summary>
    public void HangNext(bool processFirst) => faults.Enqueue(async context =>
    {
        if (processFirst)
        {
            await RouteAsync(context, await ReadBodyAsync(context), respond: false);
        }

        HangArrived.TrySetResult();
        try
        {
            // Hang until the client gives up: a wait on the abort, not a timed sleep.
            var aborted = new TaskCompletionSource();
            await using (context.RequestAborted.Register(() => aborted.TrySetCanceled(context.RequestAborted)))
            {
                await aborted.Task;
            }
        }
        catch (OperationCanceledException)
        {
            // The client hung up: what the fault is for.
        }

        return true;
    });

    /// <summary>The next Graph call is answered as usual (so that a fault queued after it hits the call after).</summary>
    public void PassNext() => faults.Enqueue(_ => Task.FromResult(false));

    public void ResetHang() => HangArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref TokenRequests);
            if (TokenAnswers.TryDequeue(out var answer))
            {
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = answer.ContentType;
                if (answer.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = answer.RetryAfter;
                }

                await context.Response.WriteAsync(answer.Body);
                return;
            }

            await WriteJsonAsync(context, new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = "fake-graph-token" });
            return;
        }

        if (context.Request.Headers.Authorization != "Bearer fake-graph-token")
        {
            context.Response.StatusCode = 401;
            await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = "InvalidAuthenticationToken", ["message"] = "no token" } });
            return;
        }

        if (faults.TryDequeue(out var fault) && await fault(context))
        {
            return;
        }

        if (context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["v1.0", "users", var user, ..]
            && Mailboxes.Count > 0 && !Mailboxes.Contains(Uri.UnescapeDataString(user)))
        {
            context.Response.StatusCode = 404;
            await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = UnknownMailboxCode, ["message"] = $"The requested user '{Uri.UnescapeDataString(user)}' is invalid." } });
            return;
        }

        if (Down)
        {
            context.Response.StatusCode = DownStatus.Status;
            await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = DownStatus.Code, ["message"] = "down" } });
            return;
        }

        await RouteAsync(context, request.Body, respond: true);
    }

    private async Task RouteAsync(HttpContext context, string body, bool respond)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = context.Request.Method;

        // v1.0 users {id} events [{eventId} [cancel]] | v1.0 users {id} calendar getSchedule
        if (segments is ["v1.0", "users", var owner, "events"] && method == "POST")
        {
            var created = JsonNode.Parse(body)!.AsObject();
            var transactionId = created["transactionId"]?.GetValue<string>();
            var existing = transactionId is null
                ? null
                : Events.FirstOrDefault(e => e.Value["transactionId"]?.GetValue<string>() == transactionId && InMailbox(e.Key, owner)).Value;
            if (existing is null)
            {
                var id = "AAMk-event-" + Interlocked.Increment(ref eventCounter);
                created["id"] = id;
                created["onlineMeeting"] = new JsonObject { ["joinUrl"] = $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{id}%40thread.v2/0" };
                MailboxOf[id] = Uri.UnescapeDataString(owner);
                Events[id] = created;
                existing = created;
            }

            if (respond)
            {
                context.Response.StatusCode = 201;
                await WriteJsonAsync(context, JsonNode.Parse(existing.ToJsonString())!);
            }

            return;
        }

        if (segments is ["v1.0", "users", var patchOwner, "events", var eventId] && method == "PATCH" && InMailbox(eventId, patchOwner) && Events.TryGetValue(eventId, out var stored))
        {
            foreach (var (key, value) in JsonNode.Parse(body)!.AsObject())
            {
                stored[key] = value?.DeepClone();
            }

            if (respond)
            {
                await WriteJsonAsync(context, JsonNode.Parse(stored.ToJsonString())!);
            }

            return;
        }

        if (segments is ["v1.0", "users", var getOwner, "events", var gotId] && method == "GET" && InMailbox(gotId, getOwner) && Events.TryGetValue(gotId, out var got))
        {
            // As Graph: start and end in UTC (its default, and what Prefer: outlook.timezone="UTC" asks for).
            await WriteJsonAsync(context, new JsonObject { ["id"] = gotId, ["subject"] = got["subject"]?.DeepClone(), ["start"] = InUtc(got["start"]), ["end"] = InUtc(got["end"]) });
            return;
        }

        if (segments is ["v1.0", "users", var cancelOwner, "events", var cancelledId, "cancel"] && method == "POST" && InMailbox(cancelledId, cancelOwner) && Events.ContainsKey(cancelledId))
        {
            Cancelled.Add(cancelledId);
            context.Response.StatusCode = 202;
            return;
        }

        if (segments is ["v1.0", "users", var deleteOwner, "events", var deletedId] && method == "DELETE" && InMailbox(deletedId, deleteOwner) && Events.TryRemove(deletedId, out _))
        {
            Deleted.Enqueue((Uri.UnescapeDataString(deleteOwner), deletedId));
            context.Response.StatusCode = 204;
            return;
        }

        if (segments is ["v1.0", "users", var mailbox, "calendar", "getSchedule"] && method == "POST")
        {
            var items = new JsonArray([.. Busy.Select(b => (JsonNode)new JsonObject
            {
                ["status"] = "busy",
                ["subject"] = b.Subject,
                ["start"] = new JsonObject { ["dateTime"] = b.Start.ToString("yyyy-MM-ddTHH:mm:ss.0000000", System.Globalization.CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
                ["end"] = new JsonObject { ["dateTime"] = b.End.ToString("yyyy-MM-ddTHH:mm:ss.0000000", System.Globalization.CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
            })]);
            await WriteJsonAsync(context, new JsonObject
            {
                ["value"] = new JsonArray(new JsonObject { ["scheduleId"] = Uri.UnescapeDataString(mailbox), ["availabilityView"] = "0220", ["scheduleItems"] = items }),
            });
            return;
        }

        context.Response.StatusCode = 404;
        await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["code"] = "ErrorItemNotFound", ["message"] = "not found" } });
    }

    /// <summary>A stored <c>dateTimeTimeZone</c> (wall-clock time and zone, as the bot sends it) as Graph answers it: in UTC.</summary>
    private static JsonObject? InUtc(JsonNode? value)
    {
        if (value?["dateTime"]?.GetValue<string>() is not { } text || value["timeZone"]?.GetValue<string>() is not { } zone)
        {
            return null;
        }

        var local = DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(zone));
        return new JsonObject { ["dateTime"] = utc.ToString("yyyy-MM-ddTHH:mm:ss.0000000", System.Globalization.CultureInfo.InvariantCulture), ["timeZone"] = "UTC" };
    }

    /// <summary>The event is in that mailbox's calendar (an event the test put in <see cref="Events"/> itself is in any).</summary>
    private bool InMailbox(string eventId, string mailboxSegment) =>
        !MailboxOf.TryGetValue(eventId, out var mailbox) || string.Equals(mailbox, Uri.UnescapeDataString(mailboxSegment), StringComparison.OrdinalIgnoreCase);

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        context.Request.Body.Position = 0;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }

    private static Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
