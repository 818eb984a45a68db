using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The calendar through <see cref="GraphServiceClient"/> with application permissions (Calendars.ReadWrite). The
/// HttpClient has no retry handler on purpose: retries belong to the durable outbox, which survives restarts and
/// honours <c>Retry-After</c> on its own clock.
/// </summary>
internal sealed class GraphCalendarGateway : ICalendarGateway
{
    public const string HttpClientName = "coaching.graph";

    private readonly GraphServiceClient client;

    public GraphCalendarGateway(IHttpClientFactory httpClientFactory, GraphTokenProvider tokenProvider, IOptions<GraphOptions> options)
    {
        var httpClient = httpClientFactory.CreateClient(HttpClientName);
        client = new GraphServiceClient(httpClient, new BaseBearerTokenAuthenticationProvider(tokenProvider), options.Value.BaseUrl.TrimEnd('/'));
    }

    public async Task<CalendarEventResult> CreateEventAsync(CoachingSession session, IReadOnlyList<CalendarAttendee> attendees, string transactionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var body = Describe(session);
        body.Body = new ItemBody { ContentType = BodyType.Text, Content = session.Description };
        body.Attendees = Attendees(attendees);
        body.IsOnlineMeeting = true;
        body.OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness;
        body.AllowNewTimeProposals = false;

        // The same id on every retry: Graph recognizes a repeated create instead of making a second event.
        body.TransactionId = transactionId;
        var created = await client.Users[session.OrganizerMailbox].Events.PostAsync(body, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("Graph answered the event creation without an event.");
        return new CalendarEventResult(created.Id ?? throw new InvalidOperationException("Graph answered an event without id."), created.OnlineMeeting?.JoinUrl);
    }

    public Task UpdateAttendeesAsync(CoachingSession session, IReadOnlyList<CalendarAttendee> attendees, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return client.Users[session.EventMailbox].Events[EventIdOf(session)]
            .PatchAsync(new Event { Attendees = Attendees(attendees) }, cancellationToken: cancellationToken);
    }

    public Task UpdateEventAsync(CoachingSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return client.Users[session.EventMailbox].Events[EventIdOf(session)].PatchAsync(Describe(session), cancellationToken: cancellationToken);
    }

    public Task CancelEventAsync(CoachingSession session, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return client.Users[session.EventMailbox].Events[EventIdOf(session)].Cancel
            .PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
    }

    public Task DeleteEventAsync(string mailbox, string eventId, CancellationToken cancellationToken) =>
        client.Users[mailbox].Events[eventId].DeleteAsync(cancellationToken: cancellationToken);

    public async Task<string> RecreateUnansweredAsync(string mailbox, CoachingSession session, string transactionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var body = Describe(session);
        body.TransactionId = transactionId;
        var answered = await client.Users[mailbox].Events.PostAsync(body, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("Graph answered the event creation without an event.");
        return answered.Id ?? throw new InvalidOperationException("Graph answered an event without id.");
    }

    public async Task<bool> HoldsEventAsync(string mailbox, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            await client.Users[mailbox].Events[eventId].GetAsync(request => request.QueryParameters.Select = ["id"], cancellationToken);
            return true;
        }
        catch (Microsoft.Kiota.Abstractions.ApiException answer) when (answer.ResponseStatusCode is 401 or 403 or 404 or 410)
        {
            return false;
        }
    }

    public async Task<DateTimeOffset?> EventStartAsync(string mailbox, string eventId, CancellationToken cancellationToken)
    {
        var found = await client.Users[mailbox].Events[eventId].GetAsync(
            request =>
            {
                request.QueryParameters.Select = ["start"];
                request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            },
            cancellationToken);
        // In UTC, as asked (Prefer: outlook.timezone) — read as the schedule's times are.
        return ParseUtc(found?.Start) is var start && start != DateTimeOffset.MinValue ? start : null;
    }

    public async Task<IReadOnlyList<BusyPeriod>> GetScheduleAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var response = await client.Users[organizerMailbox].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            new GetSchedulePostRequestBody
            {
                Schedules = [organizerMailbox],
                StartTime = Utc(start),
                EndTime = Utc(end),
                AvailabilityViewInterval = 15,
            },
            request => request.Headers.Add("Prefer", "outlook.timezone=\"UTC\""),
            cancellationToken);
        // A mailbox Graph could not read comes back as an item with an error instead of its items: not free, unknown.
        if ((response?.Value ?? []).FirstOrDefault(s => s.Error is not null) is { } unread)
        {
            throw new ScheduleUncheckedException(unread.Error!.ResponseCode ?? "no code");
        }

        return [.. (response?.Value ?? [])
            .SelectMany(s => s.ScheduleItems ?? [])
            .Where(i => i.Status is not FreeBusyStatus.Free and not FreeBusyStatus.Unknown)
            .Select(i => new BusyPeriod(ParseUtc(i.Start), ParseUtc(i.End), i.Subject))
            .Where(b => b.Start < end && b.End > start)];
    }

    public static string TransactionIdOf(CoachingSession session) => "htt-coaching-" + session.Id.ToString("N");

    /// <summary>
    /// The transaction id of the event that replaces <paramref name="lostEventId"/> (deleted from the organizer's
    /// calendar): not the session's first one — Graph could answer that with the deleted event — but fixed for that lost
    /// event, so a retried re-creation whose answer was lost gives the same new event, never a second one.
    /// </summary>
    public static string RecreationTransactionIdOf(CoachingSession session, string lostEventId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lostEventId));
        return TransactionIdOf(session) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    /// <summary>
    /// The transaction id of the event that replaces <paramref name="movedEventId"/> in <paramref name="mailbox"/>, the
    /// session's new organizer: fixed for that event and that mailbox, so a retried move whose answer was lost gives the
    /// same new event; a later move (to another mailbox, or back) has its own.
    /// </summary>
    public static string MoveTransactionIdOf(CoachingSession session, string movedEventId, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(mailbox);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(movedEventId + "\n" + mailbox.ToLowerInvariant()));
        return TransactionIdOf(session) + "-m" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private static Event Describe(CoachingSession session) => new()
    {
        Subject = session.Title,
        Start = Local(session.StartsAt, session.TimeZone),
        End = Local(session.EndsAt, session.TimeZone),
        Location = session.Location is { Length: > 0 } place ? new Location { DisplayName = place } : null,
    };

    /// <summary>
    /// The most attendees an Exchange Online event takes (Graph's event resource); a session may seat up to
    /// <see cref="SessionFormValues.MaxCapacity"/>. More would have the whole PATCH refused — and with it every later
    /// attendee change of the session — so the first registered are sent; the others have the join link in the bot.
    /// </summary>
    public const int MaxAttendees = 500;

    private static List<Attendee> Attendees(IReadOnlyList<CalendarAttendee> attendees) =>
        [.. attendees.Take(MaxAttendees).Select(a => new Attendee { EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name }, Type = AttendeeType.Required })];

    /// <summary>
    /// The wall-clock time without offset plus the zone, as Graph wants it. Its create and update take every Windows
    /// zone but only a short list of IANA ids (not Europe/Lisbon, Madrid, Rome or Prague: "TimeZoneNotSupportedException"),
    /// so the session's zone goes as its Windows zone when that has the same offset then. A zone without one (CET…), or a
    /// wall-clock time the zone has twice (the hour of the autumn change), goes in UTC: the same instant, never an hour off.
    /// </summary>
    private static DateTimeTimeZone Local(DateTimeOffset instant, string timeZone)
    {
        var zone = SessionTime.ZoneOf(timeZone);
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(windows, out var windowsZone)
            || windowsZone.GetUtcOffset(instant) != zone.GetUtcOffset(instant)
            || zone.IsAmbiguousTime(instant))
        {
            return Utc(instant);
        }

        return new()
        {
            DateTime = SessionTime.Local(instant, timeZone).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            TimeZone = windows,
        };
    }

    private static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };

    private static DateTimeOffset ParseUtc(DateTimeTimeZone? value) =>
        value?.DateTime is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : DateTimeOffset.MinValue;

    private static string EventIdOf(CoachingSession session) =>
        session.GraphEventId ?? throw new InvalidOperationException("The session has no calendar event yet.");
}
