using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Registrations: register (window and capacity), waitlist, cancel with promotion, "my sessions". Every change
/// of a session's bookings happens in one transaction under that session's lock (<see cref="CoachingDb.LockSessionAsync"/>),
/// so capacity holds with any number of bot instances on one PostgreSQL; side effects are outbox rows of the same
/// transaction.
/// </summary>
internal sealed class BookingService(BotDbContext db, DatabaseWriteGate writeGate, BookingThrottle throttle, TimeProvider timeProvider, IOptions<GraphOptions> graphOptions)
{
    private bool GraphEnabled => graphOptions.Value.IsConfigured;

    public async Task<RegistrationResult> RegisterAsync(Guid sessionId, Participant participant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentException.ThrowIfNullOrEmpty(participant.AadObjectId);

        using var slot = await throttle.EnterAsync(cancellationToken);
        using var lease = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.LockSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return new(RegistrationOutcome.NotFound, null);
        }

        // A cancelled session says so, also to the people who were registered for it.
        if (session.Status == SessionStatus.Cancelled)
        {
            return new(RegistrationOutcome.SessionCancelled, session);
        }

        var now = timeProvider.GetUtcNow();
        var existing = await db.Registrations()
            .SingleOrDefaultAsync(r => r.SessionId == sessionId && r.UserAadObjectId == participant.AadObjectId, cancellationToken);

        // A second click, a Teams retry or a second instance: the registration that exists is the answer.
        if (existing is { Status: RegistrationStatus.Confirmed })
        {
            return new(RegistrationOutcome.AlreadyConfirmed, session);
        }

        if (existing is { Status: RegistrationStatus.Waitlisted })
        {
            return new(RegistrationOutcome.AlreadyWaitlisted, session, await WaitlistPositionAsync(existing, cancellationToken));
        }

        if (now < session.RegistrationOpensAt)
        {
            return new(RegistrationOutcome.NotOpenYet, session);
        }

        if (now > session.RegistrationClosesAt || now >= session.StartsAt)
        {
            return new(RegistrationOutcome.Closed, session);
        }

        var confirmed = await db.Registrations().CountAsync(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Confirmed, cancellationToken);
        var status = confirmed < session.Capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
        session.NextSequence++;
        var registration = existing ?? new CoachingRegistration { Id = Guid.NewGuid(), SessionId = sessionId, UserAadObjectId = participant.AadObjectId };
        registration.UserName = Utf16Text.Cut(participant.Name, 200);
        registration.TenantId = participant.TenantId;
        registration.Email = participant.Email ?? registration.Email;
        registration.ConversationId = participant.ConversationId;
        registration.Language = participant.Language;
        registration.TimeZone = participant.TimeZone ?? registration.TimeZone;
        registration.Status = status;
        registration.Sequence = session.NextSequence;
        registration.RegisteredAt = now;
        registration.UpdatedAt = now;
        if (existing is null)
        {
            db.Registrations().Add(registration);
        }

        if (status == RegistrationStatus.Confirmed && GraphEnabled)
        {
            db.Enqueue(sessionId, OutboxKind.UpdateAttendees, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return status == RegistrationStatus.Confirmed
            ? new(RegistrationOutcome.Confirmed, session)
            : new(RegistrationOutcome.Waitlisted, session, await WaitlistPositionAsync(registration, cancellationToken));
    }

    /// <param name="sessionId">The session.</param>
    /// <param name="aadObjectId">The participant (always the sender).</param>
    /// <param name="cancellationToken">The turn's cancellation.</param>
    /// <param name="askedSequence">
    /// The registration's <see cref="CoachingRegistration.Sequence"/> the confirmation question was asked about, when it
    /// carried one: registering again gives a new one, so an old question's "Yes" cannot cancel the new registration.
    /// </param>
    public async Task<CancellationResult> CancelAsync(Guid sessionId, string aadObjectId, CancellationToken cancellationToken, long? askedSequence = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(aadObjectId);

        using var slot = await throttle.EnterAsync(cancellationToken);
        using var lease = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.LockSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return new(CancellationOutcome.NotFound, null);
        }

        var registration = await db.Registrations()
            .SingleOrDefaultAsync(r => r.SessionId == sessionId && r.UserAadObjectId == aadObjectId, cancellationToken);
        if (registration is null)
        {
            return new(CancellationOutcome.NotRegistered, session);
        }

        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return new(CancellationOutcome.AlreadyCancelled, session);
        }

        if (askedSequence is { } asked && asked != registration.Sequence)
        {
            return new(CancellationOutcome.NotTheRegistrationAsked, session);
        }

        var now = timeProvider.GetUtcNow();
        if (now >= session.EndsAt)
        {
            return new(CancellationOutcome.SessionOver, session);
        }

        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        CoachingRegistration? promoted = null;
        if (wasConfirmed)
        {
            var moved = await db.PromoteWaitlistedAsync(session, now, GraphEnabled, cancellationToken);
            promoted = moved.FirstOrDefault();
            if (moved.Count == 0 && GraphEnabled && session.Status == SessionStatus.Scheduled)
            {
                // The person leaves the event's attendees.
                db.Enqueue(sessionId, OutboxKind.UpdateAttendees, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(CancellationOutcome.Cancelled, session, promoted);
    }

    /// <summary>The user's upcoming sessions (confirmed or waitlisted), soonest first; cancelled sessions stay, marked by their status.</summary>
    public async Task<IReadOnlyList<MySession>> MySessionsAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var rows = await (
            from r in db.Registrations().AsNoTracking()
            join s in db.Sessions().AsNoTracking() on r.SessionId equals s.Id
            where r.UserAadObjectId == aadObjectId && r.Status != RegistrationStatus.Cancelled && s.EndsAt > now
            orderby s.StartsAt
            select new { Registration = r, Session = s }).ToListAsync(cancellationToken);

        var result = new List<MySession>(rows.Count);
        foreach (var row in rows)
        {
            int? position = row.Registration.Status == RegistrationStatus.Waitlisted
                ? await WaitlistPositionAsync(row.Registration, cancellationToken)
                : null;
            result.Add(new MySession(row.Session, row.Registration.Status, position));
        }

        return result;
    }

    /// <summary>The user's registration for a session, if any.</summary>
    public Task<CoachingRegistration?> FindAsync(Guid sessionId, string aadObjectId, CancellationToken cancellationToken) =>
        db.Registrations().AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId && r.UserAadObjectId == aadObjectId, cancellationToken);

    /// <summary>The registration's place on its session's waitlist (1 = next to get a seat), as it is now.</summary>
    public async Task<int> WaitlistPositionAsync(CoachingRegistration registration, CancellationToken cancellationToken) =>
        await db.Registrations().CountAsync(
            r => r.SessionId == registration.SessionId && r.Status == RegistrationStatus.Waitlisted && r.Sequence <= registration.Sequence,
            cancellationToken);

}
