using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The coaching tables of the bot's database, and the one way to change a session's bookings.</summary>
internal static class CoachingDb
{
    public static DbSet<CoachingSession> Sessions(this BotDbContext db) => db.Set<CoachingSession>();

    public static DbSet<CoachingRegistration> Registrations(this BotDbContext db) => db.Set<CoachingRegistration>();

    public static DbSet<CoachingOutboxMessage> Outbox(this BotDbContext db) => db.Set<CoachingOutboxMessage>();

    public static DbSet<CoachingReminderClaim> ReminderClaims(this BotDbContext db) => db.Set<CoachingReminderClaim>();

    /// <summary>
    /// Reads the session inside the current transaction so that no other writer — in this process or another
    /// instance — changes its bookings before the commit: <c>SELECT … FOR UPDATE</c> on PostgreSQL; on SQLite the
    /// transaction is already <c>BEGIN IMMEDIATE</c> (one writer for the whole database) and this process's writers
    /// queue at the <see cref="DatabaseWriteGate"/>.
    /// </summary>
    public static async Task<CoachingSession?> LockSessionAsync(this BotDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // ToList rather than Single: composing over FOR UPDATE would wrap it in a subquery.
            var rows = await db.Sessions()
                .FromSqlInterpolated($"""SELECT * FROM "CoachingSessions" WHERE "Id" = {sessionId} FOR UPDATE""")
                .ToListAsync(cancellationToken);
            return rows.SingleOrDefault();
        }

        return await db.Sessions().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    /// <summary>Adds a pending outbox row, due now.</summary>
    public static void Enqueue(this BotDbContext db, Guid sessionId, OutboxKind kind, DateTimeOffset now, Guid? registrationId = null)
    {
        var lane = kind is OutboxKind.NotifyPromoted or OutboxKind.NotifySessionCancelled or OutboxKind.NotifySessionMoved or OutboxKind.NotifyEventRecreated
            ? CoachingOutboxMessage.NotifyLane
            : CoachingOutboxMessage.GraphLane;
        db.Outbox().Add(new CoachingOutboxMessage
        {
            SessionId = sessionId,
            RegistrationId = registrationId,
            Kind = kind,
            Lane = lane,
            Status = OutboxStatus.Pending,
            DueAt = now,
            CreatedAt = now,
        });
    }

    /// <summary>
    /// Adds a pending <see cref="OutboxKind.DeleteEvent"/> row for an event the session no longer uses, due now;
    /// <paramref name="movedAt"/>, its creation time, is when the session's event moved (who had the old link);
    /// <paramref name="startsAt"/> when that event starts in the calendar, if known.
    /// </summary>
    public static void EnqueueDeletion(this BotDbContext db, Guid sessionId, string mailbox, string eventId, DateTimeOffset? startsAt, DateTimeOffset movedAt, DateTimeOffset now) =>
        db.Outbox().Add(new CoachingOutboxMessage
        {
            SessionId = sessionId,
            Kind = OutboxKind.DeleteEvent,
            Lane = CoachingOutboxMessage.GraphLane,
            Status = OutboxStatus.Pending,
            Mailbox = mailbox,
            EventId = eventId,
            EventStartsAt = startsAt,
            DueAt = now,
            CreatedAt = movedAt,
        });

    /// <summary>
    /// Moves waitlisted people (first come, first served) into free seats; called under the session lock. Each
    /// promoted person gets a notification row, and the event's attendees are re-sent when Graph is on.
    /// </summary>
    public static async Task<IReadOnlyList<CoachingRegistration>> PromoteWaitlistedAsync(
        this BotDbContext db, CoachingSession session, DateTimeOffset now, bool graphEnabled, CancellationToken cancellationToken)
    {
        // Once the session has started a seat is of no use: telling someone "you're in" then would be a false promise.
        if (session.Status != SessionStatus.Scheduled || now >= session.StartsAt)
        {
            return [];
        }

        var confirmed = await db.Registrations().CountAsync(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Confirmed, cancellationToken);
        var free = session.Capacity - confirmed;
        if (free <= 0)
        {
            return [];
        }

        var promoted = await db.Registrations()
            .Where(r => r.SessionId == session.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.Sequence)
            .Take(free)
            .ToListAsync(cancellationToken);
        foreach (var registration in promoted)
        {
            registration.Status = RegistrationStatus.Confirmed;
            registration.UpdatedAt = now;
            db.Enqueue(session.Id, OutboxKind.NotifyPromoted, now, registration.Id);
        }

        if (promoted.Count > 0 && graphEnabled)
        {
            db.Enqueue(session.Id, OutboxKind.UpdateAttendees, now);
        }

        return promoted;
    }
}
