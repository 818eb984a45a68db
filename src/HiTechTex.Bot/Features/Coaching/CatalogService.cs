using HiTechTex.Bot.Language;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The session catalog: upcoming sessions with filters, details, and the coordinator's create/edit/cancel (the
/// callers check the coordinator role). Changes that touch Graph enqueue outbox rows in the same transaction.
/// </summary>
internal sealed class CatalogService(
    BotDbContext db, DatabaseWriteGate writeGate, TimeProvider timeProvider, IOptions<GraphOptions> graphOptions, IOptions<CoachingOptions> coachingOptions)
{
    /// <summary>The most sessions a list shows.</summary>
    public const int PageSize = 10;

    private bool GraphEnabled => graphOptions.Value.IsConfigured;

    public async Task<IReadOnlyList<SessionSummary>> UpcomingAsync(SessionFilter filter, CancellationToken cancellationToken) =>
        (await UpcomingPageAsync(filter, 0, cancellationToken)).Sessions;

    /// <summary>One page (<see cref="PageSize"/> sessions, soonest first) of the upcoming sessions, and how many match in all.</summary>
    public Task<(IReadOnlyList<SessionSummary> Sessions, int Total)> UpcomingPageAsync(SessionFilter filter, int page, CancellationToken cancellationToken) =>
        UpcomingRangeAsync(filter, Math.Max(0, page) * PageSize, PageSize, cancellationToken);

    /// <summary>
    /// The upcoming sessions from position <paramref name="skip"/> (0 the soonest), at most <paramref name="take"/>, and
    /// how many match in all. By position, not page: a page the card could not hold whole goes on from its first session
    /// not shown.
    /// </summary>
    public async Task<(IReadOnlyList<SessionSummary> Sessions, int Total)> UpcomingRangeAsync(
        SessionFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 0, PageSize);
        var now = timeProvider.GetUtcNow();
        var query = db.Sessions().AsNoTracking().Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt > now);
        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            // Compared in .NET, not with the database's lower(): SQLite's lowercases ASCII only, so "Řízení kvality" or
            // "İhracat" never matched. The catalogue's topics are few; the query then asks for the exact stored ones.
            var wanted = TextNormalizer.Normalize(filter.Topic.Trim());
            var topics = await query.Select(s => s.Topic).Distinct().ToListAsync(cancellationToken);
            var matching = topics.Where(t => TextNormalizer.Normalize(t) == wanted).ToList();
            query = query.Where(s => matching.Contains(s.Topic));
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            var language = filter.Language.Trim().ToUpperInvariant();
            query = query.Where(s => s.Language == language);
        }

        List<CoachingSession> sessions;
        int total;
        if (filter.Month is { } month)
        {
            // The month is the one on the session's own calendar (a session on 1 January at 01:00 in Istanbul is a January
            // session, though it starts on 31 December in UTC). The database narrows to the UTC month widened by the
            // largest offsets (UTC−12…UTC+14); each session's zone decides.
            // A month at the calendar's ends (0001-01, 9999-12: the callers keep filters near today, but the service
            // must not throw on one) is widened up to the calendar's first or last moment.
            var from = new DateTimeOffset(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var widenedFrom = from - DateTimeOffset.MinValue > TimeSpan.FromHours(14) ? from.AddHours(-14) : DateTimeOffset.MinValue;
            var widenedTo = DateTimeOffset.MaxValue - from > TimeSpan.FromDays(32) ? from.AddMonths(1).AddHours(12) : DateTimeOffset.MaxValue;
            var candidates = await query.Where(s => s.StartsAt >= widenedFrom && s.StartsAt < widenedTo)
                // Sessions starting at the same moment in one order at every request, as without a month: a page never repeats or skips one.
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
            var inMonth = candidates
                .Where(s => SessionTime.Local(s.StartsAt, s.TimeZone) is var local && local.Year == month.Year && local.Month == month.Month)
                .ToList();
            total = inMonth.Count;
            sessions = [.. inMonth.Skip(skip).Take(take)];
        }
        else
        {
            total = await query.CountAsync(cancellationToken);
            sessions = await query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        }

        return (await SummariesAsync(sessions, cancellationToken), total);
    }

    /// <summary>The distinct topics and languages of the upcoming catalog, for the filter choices.</summary>
    public async Task<(IReadOnlyList<string> Topics, IReadOnlyList<string> Languages)> FacetsAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var rows = await db.Sessions().AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt > now)
            .Select(s => new { s.Topic, s.Language })
            .ToListAsync(cancellationToken);
        return (
            [.. rows.Select(r => r.Topic).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
            [.. rows.Select(r => r.Language).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)]);
    }

    public async Task<SessionSummary?> GetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        return session is null ? null : (await SummariesAsync([session], cancellationToken))[0];
    }

    /// <summary>The confirmed and waitlisted people of a session, in arrival order (for the coordinator).</summary>
    public async Task<IReadOnlyList<CoachingRegistration>> RegistrationsAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await db.Registrations().AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);

    public async Task<CoachingSession> CreateAsync(SessionDraft draft, string coordinatorId, CancellationToken cancellationToken) =>
        (await CreateOnceAsync(Guid.NewGuid(), draft, coordinatorId, cancellationToken)).Session;

    /// <summary>
    /// Creates the session with the given id, unless a session with that id exists: then that one is returned
    /// unchanged with <c>Created = false</c>. The id comes from the form (or import) card, so a double click, a Teams
    /// retry or the same card sent to two instances at once creates one session.
    /// </summary>
    public async Task<(CoachingSession Session, bool Created)> CreateOnceAsync(Guid id, SessionDraft draft, string coordinatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var now = timeProvider.GetUtcNow();
        var session = new CoachingSession { Id = id, CreatedBy = coordinatorId, Status = SessionStatus.Scheduled };
        Apply(session, draft, now);
        session.SyncState = GraphEnabled ? CalendarSyncState.Pending : CalendarSyncState.NotConfigured;

        using var lease = await writeGate.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.Sessions().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } existing)
            {
                return (existing, false);
            }

            db.Sessions().Add(session);
            if (GraphEnabled)
            {
                db.Enqueue(session.Id, OutboxKind.CreateEvent, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (session, true);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the same id between our check and our insert (PostgreSQL): that one stands.
            db.ChangeTracker.Clear();
            var winner = await db.Sessions().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return (winner, false);
        }
    }

    /// <summary>
    /// Edits a session; a larger capacity promotes waitlisted people. When the date or time changes, everyone registered
    /// or waitlisted is told (with the card, so the calendar file is the new one) and their reminders are re-armed for
    /// the new start. Null when it does not exist.
    /// </summary>
    public async Task<CoachingSession?> UpdateAsync(Guid sessionId, SessionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var lease = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.LockSessionAsync(sessionId, cancellationToken);
        if (session is null || session.Status == SessionStatus.Cancelled)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var (startedAt, endedAt) = (session.StartsAt, session.EndsAt);
        Apply(session, draft, now);
        session.Revision++;
        if (session.StartsAt != startedAt || session.EndsAt != endedAt)
        {
            var told = await TellEveryoneRegisteredAsync(session.Id, OutboxKind.NotifySessionMoved, now, cancellationToken);

            // The reminders already sent were for the old time: the new start gets its own.
            await db.ReminderClaims()
                .Where(c => db.Registrations().Any(r => r.Id == c.RegistrationId && r.SessionId == sessionId))
                .ExecuteDeleteAsync(cancellationToken);

            // Except the one due right now: the move notice just told the new time, and that reminder would follow it
            // within a minute saying it again (moved from next week to tomorrow: "has moved…", then "Reminder: …
            // starts tomorrow"). It is claimed as sent; the closer reminders still go at their time.
            if (CoachingReminderProcessor.DueReminder(coachingOptions.Value.EffectiveReminders, session.StartsAt, now) is { } due)
            {
                var minutes = (int)due.TotalMinutes;
                db.ReminderClaims().AddRange(told.Select(id => new CoachingReminderClaim { RegistrationId = id, MinutesBefore = minutes, ClaimedAt = now }));
            }
        }

        if (GraphEnabled)
        {
            // After a sync that failed for good the edit sends the whole state, as "Retry calendar sync" does: the
            // attendee changes the refusal held back too, not only the new details.
            var failedBefore = session.SyncState == CalendarSyncState.Failed;
            session.SyncState = CalendarSyncState.Pending;
            session.SyncError = null;
            db.Enqueue(session.Id, OutboxKind.UpdateEvent, now);
            if (failedBefore && session.GraphEventId is not null)
            {
                db.Enqueue(session.Id, OutboxKind.UpdateAttendees, now);
            }

            if (failedBefore)
            {
                await RequeueFailedCleanUpsAsync(session.Id, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.PromoteWaitlistedAsync(session, now, GraphEnabled, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session;
    }

    /// <summary>
    /// Cancels a session: its event is cancelled and every registered person is told. A session that has already
    /// ended is left alone (<see cref="CancellationOutcome.SessionOver"/>): telling everyone it was cancelled would be false.
    /// </summary>
    public async Task<CancellationResult> CancelAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        using var lease = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.LockSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return new(CancellationOutcome.NotFound, null);
        }

        if (session.Status == SessionStatus.Cancelled)
        {
            return new(CancellationOutcome.AlreadyCancelled, session);
        }

        var now = timeProvider.GetUtcNow();
        if (now >= session.EndsAt)
        {
            return new(CancellationOutcome.SessionOver, session);
        }

        session.Status = SessionStatus.Cancelled;
        session.Revision++;
        session.UpdatedAt = now;
        if (GraphEnabled)
        {
            if (session.SyncState == CalendarSyncState.Failed)
            {
                await RequeueFailedCleanUpsAsync(session.Id, now, cancellationToken);
            }

            session.SyncState = CalendarSyncState.Pending;
            db.Enqueue(session.Id, OutboxKind.CancelEvent, now);
        }

        await TellEveryoneRegisteredAsync(session.Id, OutboxKind.NotifySessionCancelled, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(CancellationOutcome.Cancelled, session);
    }

    /// <summary>
    /// The coordinator's "Retry calendar sync" (the caller checks the role): when the session's sync failed for good,
    /// queues what it needs — the create when there is no event (it carries the current details and attendees), else
    /// the details and the attendee list; a cancelled session's cancellation — and marks it pending. Under the
    /// session's lock, so a double click (or the same click on two instances) queues once: the second finds it pending.
    /// Nothing failed: <see cref="SyncRetryOutcome.AlreadyInSync"/>; a session over is left alone (the outbox would give up at once).
    /// </summary>
    public async Task<(SyncRetryOutcome Outcome, CoachingSession? Session)> RetrySyncAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!GraphEnabled)
        {
            // No Graph, no calendar sync to retry (a forged or very old card): said so, nothing written.
            var existing = await db.Sessions().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            return (existing is null ? SyncRetryOutcome.NotFound : SyncRetryOutcome.NotConfigured, existing);
        }

        using var lease = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.LockSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return (SyncRetryOutcome.NotFound, null);
        }

        var now = timeProvider.GetUtcNow();
        var outcome = session.SyncState switch
        {
            _ when now >= session.EndsAt => SyncRetryOutcome.SessionOver,
            CalendarSyncState.Failed => SyncRetryOutcome.Requeued,
            CalendarSyncState.Pending => SyncRetryOutcome.AlreadyPending,
            _ => SyncRetryOutcome.AlreadyInSync,
        };
        if (outcome != SyncRetryOutcome.Requeued)
        {
            return (outcome, session);
        }

        if (session.Status == SessionStatus.Cancelled)
        {
            db.Enqueue(session.Id, OutboxKind.CancelEvent, now);
        }
        else if (session.GraphEventId is null)
        {
            db.Enqueue(session.Id, OutboxKind.CreateEvent, now);
        }
        else
        {
            db.Enqueue(session.Id, OutboxKind.UpdateEvent, now);
            db.Enqueue(session.Id, OutboxKind.UpdateAttendees, now);
        }

        await RequeueFailedCleanUpsAsync(session.Id, now, cancellationToken);

        session.SyncState = CalendarSyncState.Pending;
        session.SyncError = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (outcome, session);
    }

    /// <summary>
    /// Queues again, in the caller's transaction, the clean-ups of the session that failed for good: the DELETE of an old
    /// event a change of organizer mailbox left behind (once per event, whatever the number of failed rows), and the
    /// clean-up of an event an unanswered create may have left — so that no stale meeting is left and, for the former,
    /// its notices go. Called by "Retry calendar sync", and by an edit or a cancellation of a session whose sync had
    /// failed for good (both make the card pending, then "in sync" once their own rows went through: without this, the
    /// failed DELETE would be forgotten, the old meeting left live, and "Retry calendar sync" would find nothing to retry).
    /// </summary>
    private async Task RequeueFailedCleanUpsAsync(Guid sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An old event a change of organizer mailbox left behind, whose deletion failed for good: tried again (once
        // per event, whatever the number of failed rows), so that no stale meeting is left and its notices go.
        var leftBehind = await db.Outbox().AsNoTracking()
            .Where(o => o.SessionId == sessionId && o.Kind == OutboxKind.DeleteEvent && o.Status == OutboxStatus.Failed
                && !db.Outbox().Any(d => d.SessionId == o.SessionId && d.Kind == OutboxKind.DeleteEvent && d.EventId == o.EventId && d.Status != OutboxStatus.Failed))
            .ToListAsync(cancellationToken);
        foreach (var old in leftBehind.GroupBy(o => (o.Mailbox, o.EventId)))
        {
            // The time of the move, which says who had the old link, stays the first row's.
            db.EnqueueDeletion(sessionId, old.Key.Mailbox!, old.Key.EventId!, old.Max(o => o.EventStartsAt), old.Min(o => o.CreatedAt), now);
        }

        // Likewise the clean-up of an event an unanswered create may have left in a mailbox the session no longer uses.
        var unanswered = await db.Outbox().AsNoTracking()
            .Where(o => o.SessionId == sessionId && o.Kind == OutboxKind.DeleteUnansweredEvent && o.Status == OutboxStatus.Failed
                && !db.Outbox().Any(d => d.SessionId == o.SessionId && d.Kind == OutboxKind.DeleteUnansweredEvent && d.EventId == o.EventId && d.Mailbox == o.Mailbox && d.Status != OutboxStatus.Failed))
            .Select(o => new { o.Mailbox, o.EventId, o.EventStartsAt })
            .ToListAsync(cancellationToken);
        foreach (var cleanUp in unanswered.DistinctBy(o => (o.Mailbox, o.EventId)))
        {
            db.Outbox().Add(new CoachingOutboxMessage
            {
                SessionId = sessionId, Kind = OutboxKind.DeleteUnansweredEvent, Lane = CoachingOutboxMessage.GraphLane, Status = OutboxStatus.Pending,
                Mailbox = cleanUp.Mailbox, EventId = cleanUp.EventId, EventStartsAt = cleanUp.EventStartsAt, DueAt = now, CreatedAt = now,
            });
        }
    }

    /// <summary>Sessions of the organizer that overlap [start, end), for the coordinator's conflict warning.</summary>
    public async Task<IReadOnlyList<CoachingSession>> OverlappingAsync(string organizerMailbox, DateTimeOffset start, DateTimeOffset end, Guid? except, CancellationToken cancellationToken) =>
        await db.Sessions().AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.OrganizerMailbox == organizerMailbox && s.StartsAt < end && s.EndsAt > start && s.Id != except)
            .ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<SessionSummary>> SummariesAsync(IReadOnlyList<CoachingSession> sessions, CancellationToken cancellationToken)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Registrations().AsNoTracking()
            .Where(r => ids.Contains(r.SessionId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.SessionId, r.Status })
            .Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => new SessionSummary(
            s,
            counts.Where(c => c.SessionId == s.Id && c.Status == RegistrationStatus.Confirmed).Sum(c => c.Count),
            counts.Where(c => c.SessionId == s.Id && c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count)))];
    }

    private static void Apply(CoachingSession session, SessionDraft draft, DateTimeOffset now)
    {
        session.Title = draft.Title;
        session.Description = draft.Description;
        session.Topic = draft.Topic;
        session.Trainer = draft.Trainer;
        session.Language = draft.Language.ToUpperInvariant();
        session.StartsAt = draft.StartsAt.ToUniversalTime();
        session.EndsAt = draft.EndsAt.ToUniversalTime();
        session.TimeZone = draft.TimeZone;
        session.Capacity = draft.Capacity;
        session.Mode = draft.Mode;
        session.Location = draft.Location;
        session.RegistrationOpensAt = draft.RegistrationOpensAt.ToUniversalTime();
        session.RegistrationClosesAt = draft.RegistrationClosesAt.ToUniversalTime();
        session.OrganizerMailbox = draft.OrganizerMailbox;
        session.UpdatedAt = now;
    }

    /// <summary>
    /// Queues a notice of <paramref name="kind"/> for everyone registered or waitlisted (in the caller's transaction);
    /// returns their registrations.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> TellEveryoneRegisteredAsync(Guid sessionId, OutboxKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var registered = await db.Registrations()
            .Where(r => r.SessionId == sessionId && r.Status != RegistrationStatus.Cancelled)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var registrationId in registered)
        {
            db.Enqueue(sessionId, kind, now, registrationId);
        }

        return registered;
    }
}
