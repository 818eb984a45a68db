using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Carries out the coaching outbox: due rows in id order; the Graph rows of a session one at a time, so the event
/// exists before its attendees are patched (notices need no order) — except a clean-up (an old event's DELETE, an
/// unanswered create's) that has failed: retried with back-off, it holds back none of the session's later rows. A row is claimed with a lease (a conditional UPDATE, so two instances
/// never work the same row at once); success marks it done, a transient failure (429 with <c>Retry-After</c>, 5xx,
/// timeout, network) reschedules it with exponential back-off, anything else fails it with the reason. Retries end:
/// a notice not delivered by the session's start (or within <c>Coaching:OutboxNoticeMaxAge</c>) is failed as too
/// late rather than sent late, and a calendar row once the session has ended or after <c>Coaching:OutboxMaxAttempts</c>
/// (see <see cref="DeadlineOf"/>); a retry is never scheduled past the deadline, so the row ends on time. The
/// session's <see cref="CoachingSession.SyncState"/> and <see cref="CoachingSession.SyncError"/> follow, for the
/// coordinator. Rows live in the database, so a restart loses nothing; the create carries a fixed
/// <c>transactionId</c> and the stored event id is checked first, so a retried create never makes a second event. An
/// edit or attendee row of a session without an event (its create was given up) creates it, the same way. After a
/// refusal (a 4xx other than 408/429, or Graph's 409/412 conflict) the session's later create/edit/attendee rows are not sent — the same request
/// would be refused again — until the coordinator retries or edits the session; its card stays "failed" until a change
/// that failed for good has reached the calendar.
/// </summary>
internal sealed class CoachingOutboxProcessor(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptions<CoachingOptions> options,
    IOptions<GraphOptions> graphOptions,
    ILogger<CoachingOutboxProcessor> logger)
{
    /// <summary>
    /// How long at least a claimed row is left alone by other instances; longer when <c>Graph:RequestTimeout</c>, which
    /// bounds the row's work (its calls and its notice), comes near it (<see cref="LeaseOf"/>).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>What a row's lease outlasts its work by at least: the database reads and writes around the calls.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The lease of a row whose work may take up to <paramref name="requestTimeout"/>: never shorter than the work, so
    /// that another instance does not take a row still being worked — a notice still on its way sent a second time.
    /// </summary>
    internal static TimeSpan LeaseOf(TimeSpan requestTimeout) => requestTimeout + LeaseMargin > Lease ? requestTimeout + LeaseMargin : Lease;

    /// <summary>How long at least a new link's notice waits for the old event's deletion before it looks again.</summary>
    private static readonly TimeSpan LinkSettlingWait = TimeSpan.FromSeconds(30);

    private const int BatchSize = 50;

    /// <summary>How many other organizer mailboxes at most are searched for an event whose mailbox was not kept.</summary>
    private const int MaxMailboxesSearched = 20;
    private const string SessionStarted = "not sent: the session had started, too late for this notice";

    /// <summary>Processes the rows due now; returns how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        List<long> due;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var outbox = db.Outbox();
            due = await outbox
                .Where(o => o.Status == OutboxStatus.Pending && o.DueAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now)
                    && (o.Lane != CoachingOutboxMessage.GraphLane
                        || !outbox.Any(p => p.SessionId == o.SessionId && p.Lane == o.Lane && p.Status == OutboxStatus.Pending && p.Id < o.Id
                            // A clean-up that has failed (retried with back-off) holds back none of the session's later
                            // calendar work: the attendees' updates go on while it is retried.
                            && !((p.Kind == OutboxKind.DeleteEvent || p.Kind == OutboxKind.DeleteUnansweredEvent) && p.LastError != null))))
                .OrderBy(o => o.Id)
                .Select(o => o.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var attempted = 0;
        foreach (var id in due)
        {
            if (await ProcessAsync(id, cancellationToken))
            {
                attempted++;
            }
        }

        return attempted;
    }

    /// <summary>
    /// Deletes what is no longer needed: outbox rows done or failed longer than <c>Coaching:Retention</c> ago and
    /// reminder claims older than that (their sessions are long over). Without it both tables only grow. Returns the
    /// number of rows deleted.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using (await scope.ServiceProvider.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            var messages = await db.Outbox()
                .Where(o => (o.Status == OutboxStatus.Done && o.CompletedAt < cutoff) || (o.Status == OutboxStatus.Failed && o.DueAt < cutoff))
                .ExecuteDeleteAsync(cancellationToken);
            var claims = await db.ReminderClaims().Where(c => c.ClaimedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            return messages + claims;
        }
    }

    private async Task<bool> ProcessAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BotDbContext>();
        var gate = services.GetRequiredService<DatabaseWriteGate>();
        var now = timeProvider.GetUtcNow();
        var leaseUntil = now + LeaseOf(graphOptions.Value.RequestTimeout);
        int claimed;
        using (await gate.EnterAsync(cancellationToken))
        {
            claimed = await db.Outbox()
                .Where(o => o.Id == id && o.Status == OutboxStatus.Pending && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, leaseUntil).SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellationToken);
        }

        if (claimed == 0)
        {
            return false;   // another instance has it
        }

        var message = await db.Outbox().SingleAsync(o => o.Id == id, cancellationToken);
        var session = await db.Sessions().SingleOrDefaultAsync(s => s.Id == message.SessionId, cancellationToken);
        var eventBefore = session?.GraphEventId;
        var hadEvent = eventBefore is not null;
        OutboxFailure? failure = null;
        using (var timeout = new CancellationTokenSource(graphOptions.Value.RequestTimeout, timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                failure = await ExecuteAsync(services, db, message, session, now, linked.Token);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (exception is ApiException { ResponseStatusCode: 401 or 403 })
                {
                    services.GetService<GraphTokenProvider>()?.Forget();
                }

                failure = OutboxFailure.Classify(exception, timeout.IsCancellationRequested, timeProvider.GetUtcNow());
            }
        }

        if (failure?.GiveUp is OutboxGiveUp.NoticeTooLate or OutboxGiveUp.SessionEnded or OutboxGiveUp.SyncRefused)
        {
            message.Attempts--;     // given up before calling anybody: the claim counted an attempt not made
        }

        // The row sent the session's whole state when it made the event (its details and attendees) or cancelled it.
        var sentWholeState = failure is null && session is not null
            && ((session.GraphEventId is not null && session.GraphEventId != eventBefore) || (message.Kind == OutboxKind.CancelEvent && session.Status == SessionStatus.Cancelled && hadEvent));
        await RecordAsync(db, gate, message, session, failure, sentWholeState, cancellationToken);
        return true;
    }

    /// <summary>
    /// The moment after which the row's work is no longer worth doing, and why: a notice's by the session's start (the
    /// new start of a moved one) or <c>Coaching:OutboxNoticeMaxAge</c> after the change, whichever comes first; a
    /// calendar row's at the session's end. Null when the session is gone (the row then has nothing to do).
    /// </summary>
    internal (DateTimeOffset At, OutboxGiveUp Kind, string Why)? DeadlineOf(CoachingOutboxMessage message, CoachingSession? session)
    {
        if (session is null)
        {
            return null;
        }

        if (message.Lane == CoachingOutboxMessage.GraphLane)
        {
            return (session.EndsAt, OutboxGiveUp.SessionEnded, "gave up: the session has ended");
        }

        var maxAge = options.Value.OutboxNoticeMaxAge;
        return session.StartsAt <= message.CreatedAt + maxAge
            ? (session.StartsAt, OutboxGiveUp.NoticeTooLate, SessionStarted)
            : (message.CreatedAt + maxAge, OutboxGiveUp.NoticeTooLate, "not sent: not delivered within " + maxAge.ToString("c", System.Globalization.CultureInfo.InvariantCulture) + " of the change, too late for this notice");
    }

    /// <summary>
    /// The give-up when the row's deadline has passed (checked right before the call, once there is something to do);
    /// a notice taken up after the session's start says so, whichever deadline came first.
    /// </summary>
    private OutboxFailure? TooLate(CoachingOutboxMessage message, CoachingSession session, DateTimeOffset now) =>
        DeadlineOf(message, session) is { } deadline && now >= deadline.At
            ? OutboxFailure.GivenUp(deadline.Kind, deadline.Kind == OutboxGiveUp.NoticeTooLate && now >= session.StartsAt ? SessionStarted : deadline.Why, message.LastError)
            : null;

    /// <summary>Does the row's work; null on success, else why not (without throwing).</summary>
    private async Task<OutboxFailure?> ExecuteAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession? session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session is not null && message.Lane == CoachingOutboxMessage.GraphLane)
        {
            await QueueGivenUpCleanUpsAsync(services, db, message, session, now, cancellationToken);
        }

        if (message.Kind == OutboxKind.DeleteEvent)
        {
            return await DeleteOldEventAsync(services, db, message, session, now, cancellationToken);
        }

        if (message.Kind == OutboxKind.DeleteUnansweredEvent)
        {
            return await DeleteUnansweredEventAsync(services, message, session, now, cancellationToken);
        }

        if (message.Lane == CoachingOutboxMessage.GraphLane && message.Mailbox is { Length: > 0 } tried && message.EventId is { Length: > 0 } transactionId
            && (session is null || session.Status == SessionStatus.Cancelled || !string.Equals(tried, session.OrganizerMailbox, StringComparison.OrdinalIgnoreCase)))
        {
            await QueueUnansweredCleanUpAsync(services, db, message, tried, transactionId, now, cancellationToken);
        }

        if (session is null)
        {
            return null;    // the session is gone: nothing left to do
        }

        switch (message.Kind)
        {
            case OutboxKind.CreateEvent when session.GraphEventId is not null || session.Status == SessionStatus.Cancelled:
                return null;
            case OutboxKind.UpdateAttendees or OutboxKind.UpdateEvent when session.Status == SessionStatus.Cancelled:
                return null;
            case OutboxKind.CancelEvent when session.GraphEventId is null:
                return null;
            case OutboxKind.CreateEvent or OutboxKind.UpdateAttendees or OutboxKind.UpdateEvent
                when session.SyncState == CalendarSyncState.Failed && CalendarSyncReasons.Of(session.SyncError) is var refused && CalendarSyncReasons.IsRefusal(refused):
                // Graph refused this session's sync for good (a bad time zone, no access…): the same request would be
                // refused again. Not sent until the coordinator retries or edits the session, which queue its whole
                // current state. A cancellation is another request: it still goes.
                return OutboxFailure.GivenUp(OutboxGiveUp.SyncRefused, "not attempted: the session's calendar sync was refused for good (" + refused + "); waiting for 'Retry calendar sync' or an edit", null) with { Code = refused };
            case OutboxKind.CreateEvent or OutboxKind.UpdateAttendees or OutboxKind.UpdateEvent or OutboxKind.CancelEvent when TooLate(message, session, now) is { } ended:
                return ended;   // the meeting is over: changing its calendar event helps nobody
            case OutboxKind.CreateEvent:
                await CreateEventAsync(services, db, message, session, cancellationToken);
                return null;
            case OutboxKind.UpdateAttendees or OutboxKind.UpdateEvent when session.EventInAnotherMailbox:
                // The coordinator changed the organizer mailbox: the event is made in the new organizer's calendar
                // with the session's current details and attendees (all this row had to send), and the old one is
                // deleted afterwards by a row of its own — never before the new one exists.
                await MoveEventAsync(services, db, message, session, cancellationToken);
                return null;
            case OutboxKind.UpdateAttendees or OutboxKind.UpdateEvent when session.GraphEventId is null:
                // The create failed for good (refused, or given up): this row creates the event instead — same
                // transactionId, so an event the lost create did make is the one returned — then does its own work, as
                // Graph gives back such an event as it was first created. The id is kept even if that second call fails.
                await CreateEventAsync(services, db, message, session, cancellationToken);
                Log.OutboxCreatedByUpdate(logger, message.Id, message.Kind, session.Id);
                if (message.Kind == OutboxKind.UpdateEvent)
                {
                    await Calendar(services).UpdateEventAsync(session, cancellationToken);
                }
                else
                {
                    await Calendar(services).UpdateAttendeesAsync(session, await AttendeesAsync(db, session.Id, cancellationToken), cancellationToken);
                }

                return null;
            case OutboxKind.UpdateAttendees or OutboxKind.UpdateEvent:
                await UpdateOrRecreateAsync(services, db, message, session, cancellationToken);
                return null;
            case OutboxKind.CancelEvent:
                try
                {
                    await Calendar(services).CancelEventAsync(session, CancelCommentOf(session), cancellationToken);
                }
                catch (ApiException gone) when (gone.ResponseStatusCode is 404 or 410 && !OrganizerMailboxRefusedException.NamesTheMailbox(gone))
                {
                    if (await FindEventKeptBeforeItsMailboxAsync(services, db, message, session, session.GraphEventId!, cancellationToken))
                    {
                        // In the previous organizer's calendar (a change of mailbox queued before the bot kept it): cancelled there.
                        await Calendar(services).CancelEventAsync(session, CancelCommentOf(session), cancellationToken);
                        return null;
                    }

                    // The organizer deleted the event already: nothing is left to cancel, and a retry would get the same 404.
                    Log.OutboxCancelledEventGone(logger, message.Id, session.Id, gone.ResponseStatusCode, session.GraphEventId ?? "");
                }

                return null;
            case OutboxKind.NotifySessionMoved or OutboxKind.NotifyEventRecreated when session.Status == SessionStatus.Cancelled:
                return null;    // cancelled since: that notice says all
            case OutboxKind.NotifyEventRecreated when await LinkSettlesAtAsync(db, session, cancellationToken) is { } settles:
                // An old event still to delete, or a move to yet another mailbox queued: "the old link no longer works"
                // would not be true yet, and the link may change again (whose notice then says it all). Waits for that
                // calendar row's next attempt, bounded by the notice's deadline like any retry.
                return new OutboxFailure(true, settles - now > LinkSettlingWait ? settles - now : LinkSettlingWait, "waiting: the session's old calendar event is not deleted yet");
            case OutboxKind.NotifyPromoted or OutboxKind.NotifySessionCancelled or OutboxKind.NotifySessionMoved or OutboxKind.NotifyEventRecreated:
                return await NotifyAsync(services, db, message, () => TooLate(message, session, now), cancellationToken);
            default:
                return OutboxFailure.Permanent("unknown work " + message.Kind);
        }
    }

    /// <summary>
    /// When the session's join link may be settled, if it is not yet (null when it is): a pending deletion of an event
    /// it no longer uses, or its event still in another mailbox than its organizer's with calendar work pending (the
    /// move to come) — the earliest such row's next attempt. A move or a deletion failed for good settles it: the link
    /// then is the live one.
    /// </summary>
    private static async Task<DateTimeOffset?> LinkSettlesAtAsync(BotDbContext db, CoachingSession session, CancellationToken cancellationToken)
    {
        var moving = session.EventInAnotherMailbox;
        var due = await db.Outbox().AsNoTracking()
            .Where(o => o.SessionId == session.Id && o.Lane == CoachingOutboxMessage.GraphLane && o.Status == OutboxStatus.Pending && (o.Kind == OutboxKind.DeleteEvent || moving))
            .Select(o => o.DueAt)
            .ToListAsync(cancellationToken);
        return due.Count == 0 ? null : due.Min();
    }

    /// <summary>
    /// Sends a notice, unless there is nothing left to say or <paramref name="tooLate"/> says it would arrive too late.
    /// A promotion notice given up leaves the seat theirs (nobody loses a seat for a message the bot could not
    /// deliver): "my sessions" and the reminders, sent to every confirmed participant, show it.
    /// </summary>
    private static async Task<OutboxFailure?> NotifyAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, Func<OutboxFailure?> tooLate, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations().AsNoTracking().SingleOrDefaultAsync(r => r.Id == message.RegistrationId, cancellationToken);
        var notifier = services.GetRequiredService<CoachingNotifier>();
        if (message.Kind == OutboxKind.NotifyPromoted)
        {
            // Cancelled again since: nothing to announce.
            if (registration is not { Status: RegistrationStatus.Confirmed })
            {
                return null;
            }

            if (tooLate() is { } late)
            {
                return late;
            }

            var calendar = await CalendarLineAsync(services, db, registration, cancellationToken);
            var status = await notifier.SendAsync(registration, (t, s) => WithLine(t.Format(t.PromotedFormat, s.Title), calendar(t, s, false)), withCard: true, cancellationToken);
            return status == ProactiveSendStatus.NoReference ? OutboxFailure.Permanent("no conversation with the person") : null;
        }

        if (registration is null)
        {
            return null;
        }

        if (message.Kind == OutboxKind.NotifyEventRecreated)
        {
            // Unregistered or only waitlisted since: no seat, no link to give. A later re-creation's notice says it all.
            if (registration.Status != RegistrationStatus.Confirmed
                || await db.Outbox().AnyAsync(o => o.RegistrationId == registration.Id && o.Kind == OutboxKind.NotifyEventRecreated && o.Id > message.Id, cancellationToken))
            {
                return null;
            }

            if (tooLate() is { } lateLink)
            {
                return lateLink;
            }

            // The link as it is when sent (the card carries it too); attendees of the event get its new invitation.
            var invited = await IsAttendeeAsync(db, registration, cancellationToken);
            var told = await notifier.SendAsync(registration, (t, s) => WithLine(
                s.JoinUrl is { Length: > 0 } link ? t.Format(t.EventRecreatedFormat, s.Title, link) : t.Format(t.EventRecreatedNoLinkFormat, s.Title),
                invited ? t.EventRecreatedInvite : null), withCard: true, cancellationToken);
            return told == ProactiveSendStatus.NoReference ? OutboxFailure.Permanent("no conversation with the person") : null;
        }

        if (message.Kind == OutboxKind.NotifySessionMoved)
        {
            // Unregistered since: the new time is none of their business. The card has the new calendar file.
            if (registration.Status == RegistrationStatus.Cancelled)
            {
                return null;
            }

            if (tooLate() is { } lateMove)
            {
                return lateMove;
            }

            // Someone who imported the earlier calendar file still has the old time: told to take the new one.
            var calendarLine = await CalendarLineAsync(services, db, registration, cancellationToken);
            var moved = await notifier.SendAsync(registration, (t, s) => WithLine(
                t.Format(t.SessionMovedNoticeFormat, s.Title, SessionTime.Describe(s, SessionTime.CultureOf(t), registration.TimeZone)),
                calendarLine(t, s, true)), withCard: true, cancellationToken);
            return moved == ProactiveSendStatus.NoReference ? OutboxFailure.Permanent("no conversation with the person") : null;
        }

        if (tooLate() is { } lateCancel)
        {
            return lateCancel;
        }

        var sent = await notifier.SendAsync(registration, (t, s) => t.Format(t.SessionCancelledNoticeFormat, s.Title), withCard: false, cancellationToken);
        return sent == ProactiveSendStatus.NoReference ? OutboxFailure.Permanent("no conversation with the person") : null;
    }

    /// <summary>
    /// The line under a move or promotion notice about the person's calendar, for a seat holder: without Graph, the
    /// signed link to the calendar file (the one the confirmation's card opens); with Graph, that the Teams meeting (an
    /// on-site session's event) in their calendar follows — only for someone the event has as an attendee (an e-mail
    /// address, and among the first <see cref="GraphCalendarGateway.MaxAttendees"/>). Nothing for the waitlisted (no
    /// seat, no calendar) or when no link can be made.
    /// </summary>
    private static async Task<Func<CoachingTexts, CoachingSession, bool, string?>> CalendarLineAsync(
        IServiceProvider services, BotDbContext db, CoachingRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            return (_, _, _) => null;
        }

        if (services.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured)
        {
            return !await IsAttendeeAsync(db, registration, cancellationToken)
                ? (_, _, _) => null
                : (t, s, moved) => (moved, s.Mode == SessionMode.OnSite) switch
                {
                    (true, false) => t.MovedTeamsMeetingUpdated,
                    (true, true) => t.MovedCalendarEventUpdated,
                    (false, false) => t.PromotedTeamsMeetingInvite,
                    (false, true) => t.PromotedCalendarEventInvite,
                };
        }

        var link = services.GetRequiredService<CalendarLinks>().For(registration);
        return link is null
            ? (_, _, _) => null
            : (t, _, moved) => t.Format(moved ? t.MovedCalendarFileFormat : t.PromotedCalendarFileFormat, link);
    }

    private static string WithLine(string notice, string? line) => line is null ? notice : notice + "\n" + line;

    /// <param name="sentWholeState">The row made the session's event (with its current details and attendees) or
    /// cancelled it: whatever failed before is on the calendar now.</param>
    private async Task RecordAsync(
        BotDbContext db, DatabaseWriteGate gate, CoachingOutboxMessage message, CoachingSession? session, OutboxFailure? failure, bool sentWholeState, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        message.ClaimedUntil = null;
        if (failure is { Transient: true } && message.Lane == CoachingOutboxMessage.GraphLane && message.Attempts >= options.Value.OutboxMaxAttempts)
        {
            failure = OutboxFailure.GivenUp(OutboxGiveUp.TooManyAttempts, $"gave up after {message.Attempts} attempts", failure.Reason);
        }

        // A clean-up's failure is said as what failed — the session's old meeting is still in the calendar — and what
        // happens next (tried again, or to delete by hand), not as a failure of the session's own sync. A 401/403 in the
        // previous organizer's mailbox keeps its own reason, which says whose calendar and what to do.
        if (failure is not null && message.Kind is OutboxKind.DeleteEvent or OutboxKind.DeleteUnansweredEvent
            && failure.Code != CalendarSyncReason.OldMailboxAccessDenied)
        {
            failure = failure with { Code = failure.Transient ? CalendarSyncReason.OldMeetingNotRemovedRetrying : CalendarSyncReason.OldMeetingNotRemoved };
        }

        if (failure is null)
        {
            message.Status = OutboxStatus.Done;
            message.CompletedAt = now;
            message.LastError = null;
            Log.OutboxDone(logger, message.Id, message.Kind, message.SessionId);
        }
        else if (failure.Transient)
        {
            var backoff = TimeSpan.FromSeconds(5 * Math.Pow(2, Math.Min(message.Attempts - 1, 16)));
            var wait = failure.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : backoff;
            message.DueAt = now + (wait < options.Value.OutboxMaxBackoff ? wait : options.Value.OutboxMaxBackoff);

            // Never past the deadline: the row is taken up then and ends on time, rather than up to a back-off late.
            if (DeadlineOf(message, session) is { } deadline && message.DueAt > deadline.At)
            {
                message.DueAt = deadline.At;
            }

            message.LastError = Truncate(failure.Reason);
            Log.OutboxRetry(logger, message.Id, message.Kind, message.Attempts, message.DueAt, failure.Reason);
        }
        else
        {
            message.Status = OutboxStatus.Failed;
            message.LastError = Truncate(failure.Reason);
            LogFailure(message, failure);
            if (message.Kind == OutboxKind.NotifySessionMoved && message.RegistrationId is { } registrationId)
            {
                await GiveBackReminderClaimedAtTheMoveAsync(db, message, registrationId, cancellationToken);
            }
        }

        // The coordinator's card. A failure for good stays "failed" until the coordinator retries or edits the session
        // (both set it pending and queue its whole state): a later row that succeeds — an attendee patch after a
        // refused or given-up edit — does not make it "ready", since the failed work never reached the calendar;
        // only a row that sent the whole state does. The reason is a code, translated on the card; the detail is logged.
        if (session is not null && message.Lane == CoachingOutboxMessage.GraphLane && failure?.GiveUp != OutboxGiveUp.SyncRefused)
        {
            var failedBefore = session.SyncState == CalendarSyncState.Failed;
            if (failure is null)
            {
                if (!failedBefore || sentWholeState)
                {
                    var pending = await db.Outbox().AsNoTracking()
                        .Where(o => o.SessionId == session.Id && o.Lane == CoachingOutboxMessage.GraphLane && o.Status == OutboxStatus.Pending && o.Id != message.Id)
                        .Select(o => new { o.Kind, o.LastError })
                        .ToListAsync(cancellationToken);
                    session.SyncState = pending.Count > 0 ? CalendarSyncState.Pending : CalendarSyncState.Synced;

                    // A clean-up still failing (retried, not holding this row back) keeps its reason on the card.
                    if (!pending.Any(o => o.Kind is OutboxKind.DeleteEvent or OutboxKind.DeleteUnansweredEvent && o.LastError is not null))
                    {
                        session.SyncError = null;
                    }
                }
            }
            else if (!failure.Transient)
            {
                session.SyncState = CalendarSyncState.Failed;
                SetSyncError(session, message, failure.Code);
            }
            else if (!failedBefore)
            {
                session.SyncState = CalendarSyncState.Pending;
                SetSyncError(session, message, failure.Code);
            }
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// When the old meeting <paramref name="eventId"/> starts, read from <paramref name="mailbox"/>'s calendar (Graph) for
    /// a row queued without it (a meeting made before its start was kept); null — the card then names the session's
    /// current day — when Graph does not answer it (warning 2436).
    /// </summary>
    private async Task<DateTimeOffset?> OldMeetingStartAsync(
        IServiceProvider services, CoachingOutboxMessage message, string mailbox, string eventId, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            if (await Calendar(services).EventStartAsync(mailbox, eventId, cancellationToken) is { } start)
            {
                return start;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        Log.OutboxOldMeetingStartUnknown(logger, failure, message.Id, message.SessionId, mailbox, eventId);
        return null;
    }

    /// <summary>
    /// The card's reason; for an old meeting not removed, also that meeting's start (the day its attendees had, not the
    /// session's new one after a move to another day).
    /// </summary>
    private static void SetSyncError(CoachingSession session, CoachingOutboxMessage message, CalendarSyncReason code)
    {
        session.SyncError = code.ToString();
        session.SyncErrorMeetingStartsAt = code is CalendarSyncReason.OldMeetingNotRemoved or CalendarSyncReason.OldMeetingNotRemovedRetrying
            ? message.EventStartsAt
            : null;
    }

    /// <summary>
    /// The move claimed the reminder due at its moment as sent, since the notice told the new time (see
    /// <see cref="CatalogService.UpdateAsync"/>). The notice failed for good, so that reminder goes after all: its claim
    /// — the one written with the notice, at the same instant, for this registration — is removed in the same save as
    /// the row's failure, and the reminder processor sends it (with the new time) on its next pass while it is still due.
    /// A claim of a later move, or of a reminder really sent, has another instant and stays.
    /// </summary>
    private async Task GiveBackReminderClaimedAtTheMoveAsync(BotDbContext db, CoachingOutboxMessage message, Guid registrationId, CancellationToken cancellationToken)
    {
        var claimedAtTheMove = await db.ReminderClaims()
            .Where(c => c.RegistrationId == registrationId && c.ClaimedAt == message.CreatedAt && c.MinutesBefore >= 0)   // not a sending mark
            .ToListAsync(cancellationToken);
        if (claimedAtTheMove.Count > 0)
        {
            db.ReminderClaims().RemoveRange(claimedAtTheMove);
            Log.MoveNoticeFailedReminderGivenBack(logger, registrationId, claimedAtTheMove[0].MinutesBefore);
        }
    }

    private void LogFailure(CoachingOutboxMessage message, OutboxFailure failure)
    {
        switch (failure.GiveUp)
        {
            case OutboxGiveUp.NoticeTooLate:
                Log.OutboxNoticeTooLate(logger, message.Id, message.Kind, message.SessionId, message.Attempts, failure.Reason);
                break;
            case OutboxGiveUp.SessionEnded:
                Log.OutboxSessionEnded(logger, message.Id, message.Kind, message.SessionId, message.Attempts, failure.Reason);
                break;
            case OutboxGiveUp.TooManyAttempts:
                Log.OutboxTooManyAttempts(logger, message.Id, message.Kind, message.SessionId, message.Attempts, failure.Reason);
                break;
            case OutboxGiveUp.SyncRefused:
                Log.OutboxNotAttemptedSyncRefused(logger, message.Id, message.Kind, message.SessionId, failure.Code);
                break;
            default:
                Log.OutboxFailed(logger, message.Id, message.Kind, failure.Reason);
                break;
        }
    }

    /// <summary>Creates the session's event (its current details and confirmed attendees) and keeps its id and join link.</summary>
    private static async Task CreateEventAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession session, CancellationToken cancellationToken)
    {
        var created = await CreateInMailboxAsync(services, db, message, session, GraphCalendarGateway.TransactionIdOf(session), cancellationToken);
        session.GraphEventId = created.EventId;
        session.GraphEventMailbox = session.OrganizerMailbox;
        session.GraphEventStartsAt = session.StartsAt;
        session.JoinUrl = created.JoinUrl;
    }

    /// <summary>
    /// Makes the session's event again in its organizer's calendar, the mailbox having changed since the event was
    /// made (a transaction id fixed for the old event and the new mailbox: a retry whose answer was lost gives the same
    /// event), then — in one transaction, only when this row is the one that replaced the old event (a conditional
    /// update, as for a lost event) — keeps it and queues the DELETE of the old one in the old mailbox. The notices of
    /// the new link are queued by that row once the old event is gone, so they are true when sent. A new mailbox
    /// Graph does not know fails like a create there (the old event stays, the session's until the mailbox is corrected).
    /// </summary>
    private async Task MoveEventAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession session, CancellationToken cancellationToken)
    {
        var (oldEvent, oldMailbox, oldStartsAt) = (session.GraphEventId!, session.EventMailbox, session.GraphEventStartsAt);
        var created = await CreateInMailboxAsync(services, db, message, session, GraphCalendarGateway.MoveTransactionIdOf(session, oldEvent, session.OrganizerMailbox), cancellationToken);
        var now = timeProvider.GetUtcNow();
        using (await services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var newMailbox = session.OrganizerMailbox;
            DateTimeOffset? newStartsAt = session.StartsAt;
            var replaced = await db.Sessions()
                .Where(s => s.Id == session.Id && s.GraphEventId == oldEvent)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.GraphEventId, created.EventId).SetProperty(x => x.GraphEventMailbox, newMailbox)
                        .SetProperty(x => x.GraphEventStartsAt, newStartsAt).SetProperty(x => x.JoinUrl, created.JoinUrl),
                    cancellationToken);
            if (replaced == 1)
            {
                // The old meeting keeps the time it was last sent with (an edit that moved the session to another day
                // and mailbox at once left it on the old day): the card names that day should its deletion fail.
                db.EnqueueDeletion(session.Id, oldMailbox, oldEvent, oldStartsAt, now, now);
                Log.OutboxEventMoved(logger, message.Id, message.Kind, session.Id, oldMailbox, oldEvent, newMailbox, created.EventId);
            }

            // Not saved: the DELETE is not left for the row's own save to write without the new event.
            await SaveWithQueuedRowsAsync(db, transaction, cancellationToken);

            session.GraphEventId = created.EventId;
            session.GraphEventMailbox = newMailbox;
            session.GraphEventStartsAt = newStartsAt;
            session.JoinUrl = created.JoinUrl;
        }
    }

    /// <summary>
    /// DELETEs the event a change of organizer mailbox left in the old mailbox (a 404/410: it is gone already, deleted
    /// in Outlook or with its mailbox). Once it is gone, every seat holder who had the old link is told the new one — queued in the same
    /// save as this row's success, so once; a retry finds the event gone and tells nobody twice, since the row is done
    /// only with its notices. Done even when the session was cancelled or is gone (a stale meeting is never left),
    /// without notices then; given up like any calendar row once the session has ended.
    /// </summary>
    private async Task<OutboxFailure?> DeleteOldEventAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession? session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.Mailbox is not { Length: > 0 } mailbox || message.EventId is not { Length: > 0 } eventId)
        {
            return OutboxFailure.Permanent("no event to delete");
        }

        if (session is not null && TooLate(message, session, now) is { } ended)
        {
            return ended;
        }

        try
        {
            await Calendar(services).DeleteEventAsync(mailbox, eventId, cancellationToken);
        }
        catch (ApiException gone) when (gone.ResponseStatusCode is 404 or 410)
        {
            Log.OutboxMovedEventGone(logger, message.Id, message.SessionId, gone.ResponseStatusCode, mailbox, eventId);
        }
        catch (ApiException denied) when (denied.ResponseStatusCode is 401 or 403)
        {
            // The bot may not use the previous organizer's calendar: said of that calendar, not of the organizer's
            // (which is fine, and whose later calendar work goes on). The old meeting is still there.
            Log.OutboxOldMailboxAccessDenied(logger, message.Id, message.SessionId, denied.ResponseStatusCode, mailbox, eventId);
            return OldMailboxDenied(denied, "deleting the old event", mailbox);
        }
        catch (Exception) when (message.EventStartsAt is null && session is not null && !cancellationToken.IsCancellationRequested)
        {
            // The old meeting is still there and the card will name its day: made before its start was kept, that day
            // is read from the meeting itself — else the session's — and kept on the row, so read and warned once. A
            // session gone has no card to name a day on: nothing read.
            message.EventStartsAt = await CleanUpMeetingStartAsync(services, message, session, mailbox, eventId, cancellationToken);
            throw;
        }

        if (session is { Status: SessionStatus.Scheduled } && session.JoinUrl is { Length: > 0 })
        {
            // Those who had their seat before the move (the row's time), so the old link: a seat given since came
            // with the new one.
            var movedAt = message.CreatedAt;
            var seats = await db.Registrations().AsNoTracking()
                .Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Confirmed && r.UpdatedAt <= movedAt)
                .OrderBy(r => r.Sequence)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);
            foreach (var registrationId in seats)
            {
                db.Enqueue(session.Id, OutboxKind.NotifyEventRecreated, now, registrationId);
            }

            Log.EventRecreatedNoticesQueued(logger, session.Id, seats.Count);
        }

        return null;
    }

    /// <summary>
    /// The row's last create, to <paramref name="tried"/>, was never answered (a timeout, a network error), and the session
    /// no longer wants an event there: its organizer mailbox changed since, or it was cancelled. Graph may have made the
    /// event all the same — a live Teams meeting with invited attendees that nothing would ever delete, since the retry
    /// goes elsewhere (or nowhere). A row of its own is queued, saved at once, to find that event (the same create
    /// again: see <see cref="OutboxKind.DeleteUnansweredEvent"/>) and delete it; the row forgets that create.
    /// </summary>
    private async Task QueueUnansweredCleanUpAsync(
        IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, string tried, string transactionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var startsAt = message.EventStartsAt;
        (message.Mailbox, message.EventId, message.EventStartsAt) = (null, null, null);
        db.Outbox().Add(new CoachingOutboxMessage
        {
            SessionId = message.SessionId,
            Kind = OutboxKind.DeleteUnansweredEvent,
            Lane = CoachingOutboxMessage.GraphLane,
            Status = OutboxStatus.Pending,
            Mailbox = tried,
            EventId = transactionId,
            EventStartsAt = startsAt,
            DueAt = now,
            CreatedAt = now,
        });
        using (await services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        Log.OutboxUnansweredCreateCleanUpQueued(logger, message.Id, message.Kind, message.SessionId, tried, transactionId);
    }

    /// <summary>
    /// The session's earlier calendar rows given up while their create was still unanswered (timed out until
    /// <c>Coaching:OutboxMaxAttempts</c>, or the session's end) keep that create's mailbox and transaction id: Graph may
    /// have made the event, and no retry of theirs will ever look again. Each later calendar row of the session — a
    /// change of organizer mailbox, a cancellation, an attendee change, a clean-up, "Retry calendar sync" — reads them:
    /// one the session no longer wants an event from (its organizer mailbox changed since, or it was cancelled) gets
    /// its clean-up row (<see cref="OutboxKind.DeleteUnansweredEvent"/>), saved at once, and forgets that create. One
    /// in the organizer's mailbox of a session still scheduled is left: the next create there uses the same transaction
    /// id and so takes that very event as the session's (<see cref="CreateInMailboxAsync"/> then forgets it).
    /// </summary>
    private async Task QueueGivenUpCleanUpsAsync(
        IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var givenUp = await db.Outbox()
            .Where(o => o.SessionId == session.Id && o.Lane == CoachingOutboxMessage.GraphLane && o.Status == OutboxStatus.Failed && o.Id != message.Id
                && o.Kind != OutboxKind.DeleteEvent && o.Kind != OutboxKind.DeleteUnansweredEvent && o.Mailbox != null && o.EventId != null)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var unwanted = givenUp
            .Where(o => session.Status == SessionStatus.Cancelled || !string.Equals(o.Mailbox, session.OrganizerMailbox, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (unwanted.Count == 0)
        {
            return;
        }

        foreach (var row in unwanted)
        {
            if (!db.Outbox().Local.Any(o => o.Kind == OutboxKind.DeleteUnansweredEvent && o.Status == OutboxStatus.Pending && o.Mailbox == row.Mailbox && o.EventId == row.EventId))
            {
                db.Outbox().Add(new CoachingOutboxMessage
                {
                    SessionId = session.Id,
                    Kind = OutboxKind.DeleteUnansweredEvent,
                    Lane = CoachingOutboxMessage.GraphLane,
                    Status = OutboxStatus.Pending,
                    Mailbox = row.Mailbox,
                    EventId = row.EventId,
                    EventStartsAt = row.EventStartsAt,
                    DueAt = now,
                    CreatedAt = now,
                });
            }

            Log.OutboxGivenUpCreateCleanUpQueued(logger, message.Id, message.Kind, session.Id, row.Id, row.Kind, row.Mailbox!, row.EventId!);
            (row.Mailbox, row.EventId, row.EventStartsAt) = (null, null, null);
        }

        using (await services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A 401/403 in a previous organizer's mailbox: said of that calendar (the organizer's own is fine), for good.</summary>
    private static OutboxFailure OldMailboxDenied(ApiException denied, string doing, string mailbox)
    {
        var code = (denied as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code;
        return OutboxFailure.Permanent($"HTTP {denied.ResponseStatusCode}{(code is null ? "" : " " + code)} {doing} in the previous organizer mailbox {mailbox}")
            with { Code = CalendarSyncReason.OldMailboxAccessDenied };
    }

    /// <summary>
    /// Deletes the event an unanswered create may have made (see <see cref="OutboxKind.DeleteUnansweredEvent"/>): the
    /// create is sent again, without attendees, under its transaction id, and the event Graph answers with is DELETEd —
    /// unless it is the session's own event. A 404/410 (the mailbox is gone, or the event already deleted) leaves nothing
    /// to do; a 401/403 in a previous organizer's mailbox is said of that calendar. Given up, like any calendar row, once
    /// the session has ended. A row queued before the meeting's start was kept (<see cref="CoachingOutboxMessage.EventStartsAt"/>
    /// null) and failing: see <see cref="CleanUpMeetingStartAsync"/>.
    /// </summary>
    private async Task<OutboxFailure?> DeleteUnansweredEventAsync(IServiceProvider services, CoachingOutboxMessage message, CoachingSession? session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (session is null || message.Mailbox is not { Length: > 0 } mailbox || message.EventId is not { Length: > 0 } transactionId)
        {
            return null;    // nothing to send the create again with, or nothing to look for
        }

        if (TooLate(message, session, now) is { } ended)
        {
            return ended;
        }

        string? eventId = null;
        try
        {
            eventId = await Calendar(services).RecreateUnansweredAsync(mailbox, session, transactionId, cancellationToken);
            if (eventId == session.GraphEventId && string.Equals(mailbox, session.EventMailbox, StringComparison.OrdinalIgnoreCase))
            {
                return null;    // the session's own event: kept
            }

            await Calendar(services).DeleteEventAsync(mailbox, eventId, cancellationToken);
            Log.OutboxUnansweredEventDeleted(logger, message.Id, message.SessionId, mailbox, eventId);
        }
        catch (ApiException gone) when (gone.ResponseStatusCode is 404 or 410)
        {
            Log.OutboxMovedEventGone(logger, message.Id, message.SessionId, gone.ResponseStatusCode, mailbox, transactionId);
        }
        catch (ApiException denied) when (denied.ResponseStatusCode is 401 or 403 && !string.Equals(mailbox, session.OrganizerMailbox, StringComparison.OrdinalIgnoreCase))
        {
            Log.OutboxOldMailboxAccessDenied(logger, message.Id, message.SessionId, denied.ResponseStatusCode, mailbox, transactionId);
            return OldMailboxDenied(denied, "cleaning up an unanswered create", mailbox);
        }
        catch (Exception) when (message.EventStartsAt is null && !cancellationToken.IsCancellationRequested)
        {
            message.EventStartsAt = await CleanUpMeetingStartAsync(services, message, session, mailbox, eventId, cancellationToken);
            throw;
        }

        return null;
    }

    /// <summary>
    /// The day the card names for the meeting a clean-up row deletes, when its clean-up failed on a row queued before that
    /// start was kept (migration <c>CoachingOldMeetingStart</c>): read from the meeting itself, <paramref name="eventId"/>
    /// — an old event's DELETE holds its id; an unanswered create's clean-up holds the create's transaction id, no event
    /// id, so its start is read from the event Graph answered the create sent again with, when it was — else, or when
    /// Graph does not give that start, the session's day, said once (warning 2436). The day is kept on the row, so that
    /// neither the read nor the warning comes again at the row's next tries (bounded as any calendar row's).
    /// </summary>
    private async Task<DateTimeOffset> CleanUpMeetingStartAsync(
        IServiceProvider services, CoachingOutboxMessage message, CoachingSession session, string mailbox, string? eventId, CancellationToken cancellationToken)
    {
        if (eventId is not null)
        {
            return await OldMeetingStartAsync(services, message, mailbox, eventId, cancellationToken) ?? session.StartsAt;
        }

        Log.OutboxOldMeetingStartUnknown(logger, null, message.Id, message.SessionId, mailbox, message.EventId!);
        return session.StartsAt;
    }

    /// <summary>
    /// POSTs the session's event to its organizer's calendar. A 404/410 there can only mean the mailbox: it is
    /// reported as such (<see cref="OrganizerMailboxRefusedException"/>), marked for the session's mailbox and revision.
    /// Until Graph answers, the row keeps where the create went and its transaction id (saved with the row's failure):
    /// a create whose answer never came may have made the event there, which the row's retry cleans up should the
    /// session no longer want it there (see <see cref="QueueUnansweredCleanUpAsync"/>).
    /// </summary>
    private static async Task<CalendarEventResult> CreateInMailboxAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession session, string transactionId, CancellationToken cancellationToken)
    {
        var attendees = await AttendeesAsync(db, session.Id, cancellationToken);
        var mailbox = session.OrganizerMailbox;
        (message.Mailbox, message.EventId, message.EventStartsAt) = (mailbox, transactionId, session.StartsAt);
        CalendarEventResult created;
        try
        {
            created = await Calendar(services).CreateEventAsync(session, attendees, transactionId, cancellationToken);
            (message.Mailbox, message.EventId, message.EventStartsAt) = (null, null, null);
        }
        catch (ApiException refused) when (refused.ResponseStatusCode is >= 400 and < 500 and not 408 and not 429)
        {
            // Answered, and refused: that create made nothing, so there is nothing to clean up after it.
            (message.Mailbox, message.EventId, message.EventStartsAt) = (null, null, null);
            if (refused.ResponseStatusCode is 404 or 410)
            {
                throw new OrganizerMailboxRefusedException(session, refused);
            }

            throw;
        }

        // An earlier row given up on this same create (same mailbox, same transaction id) waited for this answer: the
        // event it may have made is this one, the session's — nothing of it is left to clean up.
        using (await services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            await db.Outbox()
                .Where(o => o.SessionId == session.Id && o.Id != message.Id && o.Status == OutboxStatus.Failed && o.Mailbox == mailbox && o.EventId == transactionId
                    && o.Kind != OutboxKind.DeleteEvent && o.Kind != OutboxKind.DeleteUnansweredEvent)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Mailbox, (string?)null).SetProperty(o => o.EventId, (string?)null).SetProperty(o => o.EventStartsAt, (DateTimeOffset?)null), cancellationToken);
        }

        return created;
    }

    /// <summary>
    /// For an event made before the bot kept the mailbox that holds it (<see cref="CoachingSession.GraphEventMailbox"/>
    /// null, so taken to be in the organizer's), answered 404 there: the coordinator may have changed the organizer
    /// mailbox in an edit queued before that version, which left the event in the previous organizer's calendar. That
    /// mailbox was not kept, so the event is looked for (a GET of its id, which only the calendar holding it answers)
    /// in the other organizer mailboxes the catalog knows; found, <see cref="CoachingSession.GraphEventMailbox"/> says
    /// where (saved at once, so a retry goes there directly) and true is returned. Not found anywhere: false, and
    /// the event is taken as deleted, as before. Once per such event: its next event is made with its mailbox kept.
    /// </summary>
    private async Task<bool> FindEventKeptBeforeItsMailboxAsync(
        IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession session, string eventId, CancellationToken cancellationToken)
    {
        if (session.GraphEventMailbox is not null)
        {
            return false;
        }

        var known = await db.Sessions().AsNoTracking()
            .Where(s => s.Id != session.Id)
            .Select(s => new { s.OrganizerMailbox, s.GraphEventMailbox })
            .ToListAsync(cancellationToken);
        var candidates = known.SelectMany(k => new[] { k.OrganizerMailbox, k.GraphEventMailbox })
            .OfType<string>()
            .Where(m => m.Length > 0 && !string.Equals(m, session.OrganizerMailbox, StringComparison.OrdinalIgnoreCase))
            .GroupBy(m => m, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .Take(MaxMailboxesSearched);
        foreach (var mailbox in candidates)
        {
            if (await Calendar(services).HoldsEventAsync(mailbox, eventId, cancellationToken))
            {
                // Written now, on its own (the session's other changes go with the row's save): whatever follows, a
                // retry or another instance goes to that mailbox at once.
                using (await services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
                {
                    await db.Sessions()
                        .Where(s => s.Id == session.Id && s.GraphEventId == eventId && s.GraphEventMailbox == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.GraphEventMailbox, mailbox), cancellationToken);
                }

                var kept = db.Entry(session).Property(s => s.GraphEventMailbox);
                kept.CurrentValue = mailbox;
                kept.OriginalValue = mailbox;
                Log.OutboxEventFoundInPreviousMailbox(logger, message.Id, message.Kind, session.Id, eventId, mailbox, session.OrganizerMailbox);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the session's last calendar row that called Graph was refused for its organizer mailbox as it is now (same
    /// address, same revision): a 404 on its event then says nothing new, and making the event again would be a second
    /// call refused for the same reason. An edit of the session (a new revision) or a row that went through since ends it.
    /// </summary>
    private static async Task<bool> MailboxAlreadyRefusedAsync(BotDbContext db, CoachingOutboxMessage message, CoachingSession session, CancellationToken cancellationToken)
    {
        var last = await db.Outbox().AsNoTracking()
            .Where(o => o.SessionId == session.Id && o.Lane == CoachingOutboxMessage.GraphLane && o.Id != message.Id && o.Status != OutboxStatus.Pending && o.Attempts > 0)
            .OrderByDescending(o => o.Id)
            .Select(o => new { o.Status, o.LastError })
            .FirstOrDefaultAsync(cancellationToken);
        return last is { Status: OutboxStatus.Failed, LastError: { } error } && error.StartsWith(OrganizerMailboxRefusedException.MarkOf(session) + ";", StringComparison.Ordinal);
    }

    /// <summary>
    /// Patches the session's event; when Graph answers 404/410 — the organizer deleted the event in Outlook or Teams —
    /// the same patch would fail forever (and "Retry calendar sync" with it), so a new event is created with the
    /// session's current details and attendees (all the row had to send) and its join link replaces the old one.
    /// </summary>
    private async Task UpdateOrRecreateAsync(IServiceProvider services, BotDbContext db, CoachingOutboxMessage message, CoachingSession session, CancellationToken cancellationToken)
    {
        try
        {
            if (message.Kind == OutboxKind.UpdateEvent)
            {
                await Calendar(services).UpdateEventAsync(session, cancellationToken);
                session.GraphEventStartsAt = session.StartsAt;
            }
            else
            {
                await Calendar(services).UpdateAttendeesAsync(session, await AttendeesAsync(db, session.Id, cancellationToken), cancellationToken);
            }
        }
        catch (ApiException gone) when (gone.ResponseStatusCode is 404 or 410 && session.GraphEventId is { } lost)
        {
            // The mailbox, not the event, is missing (Graph's code says so, or this very mailbox was refused by the
            // session's last call): making the event again would be refused too — one call, not two, per retry.
            if (OrganizerMailboxRefusedException.NamesTheMailbox(gone) || await MailboxAlreadyRefusedAsync(db, message, session, cancellationToken))
            {
                throw new OrganizerMailboxRefusedException(session, gone);
            }

            if (await FindEventKeptBeforeItsMailboxAsync(services, db, message, session, lost, cancellationToken))
            {
                // Not deleted: in the previous organizer's calendar (a change of mailbox queued before the bot kept
                // it). Moved like any change of mailbox: made in the organizer's calendar, the old one deleted there.
                await MoveEventAsync(services, db, message, session, cancellationToken);
                return;
            }

            var created = await CreateInMailboxAsync(services, db, message, session, GraphCalendarGateway.RecreationTransactionIdOf(session, lost), cancellationToken);
            Log.OutboxEventRecreated(logger, message.Id, message.Kind, session.Id, gone.ResponseStatusCode, lost, created.EventId);
            await KeepRecreatedEventAsync(services, db, session, lost, created, cancellationToken);
        }
    }

    /// <summary>
    /// Keeps the new event in place of <paramref name="lost"/> and, in the same transaction, queues the notice of its
    /// new link for every seat holder — only when this row is the one that replaced the lost event (a conditional
    /// update on it), so a retry or a second instance that re-created the same event (same transaction id) tells
    /// nobody twice; the notices are outbox rows, retried and bounded like the others.
    /// </summary>
    private async Task KeepRecreatedEventAsync(IServiceProvider services, BotDbContext db, CoachingSession session, string lost, CalendarEventResult created, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        using (await services.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var organizer = session.OrganizerMailbox;
            DateTimeOffset? startsAt = session.StartsAt;
            var replaced = await db.Sessions()
                .Where(s => s.Id == session.Id && s.GraphEventId == lost)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.GraphEventId, created.EventId).SetProperty(x => x.GraphEventMailbox, organizer)
                        .SetProperty(x => x.GraphEventStartsAt, startsAt).SetProperty(x => x.JoinUrl, created.JoinUrl),
                    cancellationToken);
            if (replaced == 1)
            {
                var seats = await db.Registrations().AsNoTracking()
                    .Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Confirmed)
                    .OrderBy(r => r.Sequence)
                    .Select(r => r.Id)
                    .ToListAsync(cancellationToken);
                foreach (var registrationId in seats)
                {
                    db.Enqueue(session.Id, OutboxKind.NotifyEventRecreated, now, registrationId);
                }

                Log.EventRecreatedNoticesQueued(logger, session.Id, seats.Count);
            }

            // Not saved: the notices are not left for the row's own save to write without the new event.
            await SaveWithQueuedRowsAsync(db, transaction, cancellationToken);

            // Only once it is saved: a failure before (the transaction rolled back) leaves the row to retry the lost
            // event's 404 and its re-creation, which Graph answers with this same event, and the notices with it.
            session.GraphEventId = created.EventId;
            session.GraphEventMailbox = session.OrganizerMailbox;
            session.GraphEventStartsAt = startsAt;
            session.JoinUrl = created.JoinUrl;
        }
    }

    /// <summary>
    /// Saves and commits the rows queued with a new event; when that fails the queued rows are dropped from the context,
    /// so the outbox row's own save (its failure recorded) does not write them without the event they belong to.
    /// </summary>
    private static async Task SaveWithQueuedRowsAsync(BotDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            foreach (var added in db.ChangeTracker.Entries<CoachingOutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
            {
                added.State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>What Graph's cancellation tells the attendees, in the session's language (as its card and notices).</summary>
    private static string CancelCommentOf(CoachingSession session) =>
        CoachingTexts.Resolve(session.Language) is var texts ? texts.Format(texts.SessionCancelledNoticeFormat, session.Title) : "";

    private static ICalendarGateway Calendar(IServiceProvider services) => services.GetRequiredService<ICalendarGateway>();

    private static async Task<IReadOnlyList<CalendarAttendee>> AttendeesAsync(BotDbContext db, Guid sessionId, CancellationToken cancellationToken) =>
        await AttendeeRows(db, sessionId)
            .OrderBy(r => r.Sequence)
            .Select(r => new CalendarAttendee(r.Email!, r.UserName))
            .ToListAsync(cancellationToken);

    /// <summary>The registrations the session's event is sent for, before its cut at <see cref="GraphCalendarGateway.MaxAttendees"/>.</summary>
    private static IQueryable<CoachingRegistration> AttendeeRows(BotDbContext db, Guid sessionId) =>
        db.Registrations().AsNoTracking().Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Confirmed && r.Email != null && r.Email != "");

    /// <summary>
    /// Whether the session's event has the person as an attendee: an e-mail address, and among the first
    /// <see cref="GraphCalendarGateway.MaxAttendees"/> registered (as <see cref="AttendeesAsync"/> sends them). Someone
    /// past that has the join link in the bot, and is promised no invitation.
    /// </summary>
    private static async Task<bool> IsAttendeeAsync(BotDbContext db, CoachingRegistration registration, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(registration.Email)
        && await AttendeeRows(db, registration.SessionId).CountAsync(r => r.Sequence < registration.Sequence, cancellationToken) < GraphCalendarGateway.MaxAttendees;

    private static string Truncate(string reason) => Utf16Text.Cut(reason, 1000);
}
