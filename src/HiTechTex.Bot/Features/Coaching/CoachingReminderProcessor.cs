using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Sends the reminders (<c>Coaching:Reminders</c>, default 24 h and 1 h before) to confirmed participants of
/// scheduled sessions. Exactly once per registration and reminder, with any number of instances: the sender first
/// inserts a <see cref="CoachingReminderClaim"/> row, whose key lets only one insert land. A failed send gives the
/// claim back so the next pass retries; a send the host stopped before anything went out gives it back too, and one
/// whose process was killed before the send ended leaves a sending mark beside the claim, which a later pass takes to
/// give the reminder back (at least once: a second reminder is less harm than none). Cancelled registrations and sessions are simply not selected; people who
/// registered after a reminder's moment do not get that one — unless the session moved after they registered and
/// their move notice failed for good (their confirmation named the old time).
/// </summary>
internal sealed class CoachingReminderProcessor(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptions<CoachingOptions> options,
    ILogger<CoachingReminderProcessor> logger)
{
    /// <summary>Sends the reminders due now; returns how many this instance sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await GiveBackKilledSendsAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var offsets = options.Value.EffectiveReminders.Distinct().OrderBy(o => o).ToList();
        var sent = 0;
        for (var i = 0; i < offsets.Count; i++)
        {
            // A reminder is due from (start - offset) until the next, closer reminder is due (or the start):
            // someone who registers two hours before gets the 1 h reminder, not a late "24 h" one.
            var offset = offsets[i];
            var closer = i > 0 ? offsets[i - 1] : TimeSpan.Zero;
            var dueFrom = now + closer;
            var dueUntil = now + offset;
            var minutes = (int)offset.TotalMinutes;
            List<Guid> due;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
                var candidates = await (
                    from r in db.Registrations()
                    join s in db.Sessions() on r.SessionId equals s.Id
                    where r.Status == RegistrationStatus.Confirmed && s.Status == SessionStatus.Scheduled
                        && s.StartsAt > dueFrom && s.StartsAt <= dueUntil
                        && !db.ReminderClaims().Any(c => c.RegistrationId == r.Id && c.MinutesBefore == minutes)
                    select new
                    {
                        r.Id,
                        r.RegisteredAt,
                        s.StartsAt,
                        // The latest move notice of the registration failed for good: the person never heard the new time.
                        MoveNoticeFailed = db.Outbox()
                            .Where(o => o.SessionId == r.SessionId && o.Lane == CoachingOutboxMessage.NotifyLane   // the outbox's (session, lane, status) index
                                && o.RegistrationId == r.Id && o.Kind == OutboxKind.NotifySessionMoved)
                            .OrderByDescending(o => o.Id)
                            .Select(o => (OutboxStatus?)o.Status)
                            .FirstOrDefault() == OutboxStatus.Failed,
                    }).ToListAsync(cancellationToken);

                // Someone who registered after the reminder's moment has just had the confirmation, with the time: no
                // "24 h" then. Unless the session moved since and the move notice failed for good: that confirmation
                // named the old time, so the reminder still due (the one the notice had stood for) goes after all.
                due = [.. candidates.Where(c => c.RegisteredAt <= c.StartsAt - offset || c.MoveNoticeFailed).Select(c => c.Id)];
            }

            foreach (var registrationId in due)
            {
                if (await SendOnceAsync(registrationId, minutes, cancellationToken))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// The reminder a session starting at <paramref name="startsAt"/> is due for at <paramref name="now"/> (the same
    /// windows as <see cref="RunOnceAsync"/>: from its offset before the start until the next, closer one), or null.
    /// </summary>
    public static TimeSpan? DueReminder(IReadOnlyList<TimeSpan> reminders, DateTimeOffset startsAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        var ahead = startsAt - now;
        var closer = TimeSpan.Zero;
        foreach (var offset in reminders.Distinct().Order())
        {
            if (ahead > closer && ahead <= offset)
            {
                return offset;
            }

            closer = offset;
        }

        return null;
    }

    private async Task<bool> SendOnceAsync(Guid registrationId, int minutes, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BotDbContext>();
        var gate = services.GetRequiredService<DatabaseWriteGate>();
        var claimedAt = timeProvider.GetUtcNow();
        var mark = CoachingReminderClaim.SendingMarkOf(minutes);
        try
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                // The claim and its sending mark in one save: a process killed before the send ended leaves the mark,
                // which a later pass takes as "nothing known to have arrived" (GiveBackKilledSendsAsync).
                db.ReminderClaims().AddRange(
                    new CoachingReminderClaim { RegistrationId = registrationId, MinutesBefore = minutes, ClaimedAt = claimedAt },
                    new CoachingReminderClaim { RegistrationId = registrationId, MinutesBefore = mark, ClaimedAt = claimedAt });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            return false;   // another instance (or an earlier pass) holds this reminder
        }

        try
        {
            return await SendClaimedAsync(services, db, gate, registrationId, minutes, cancellationToken);
        }
        finally
        {
            // The send ended, whichever way (sent, given back, stopped on the wire): no longer in flight. Only a process
            // killed before here leaves the mark.
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using (await gate.EnterAsync(timeout.Token))
                {
                    await db.ReminderClaims()
                        .Where(c => c.RegistrationId == registrationId && c.MinutesBefore == mark && c.ClaimedAt == claimedAt)
                        .ExecuteDeleteAsync(timeout.Token);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The database gone: the mark stays, and the reminder may be sent once more (less harm than none).
                Log.BackgroundPassFailed(logger, exception);
            }
        }
    }

    private async Task<bool> SendClaimedAsync(IServiceProvider services, BotDbContext db, DatabaseWriteGate gate, Guid registrationId, int minutes, CancellationToken cancellationToken)
    {
        try
        {
            // Read again after the claim: a cancel in between means no reminder.
            CoachingRegistration? registration;
            try
            {
                registration = await db.Registrations().AsNoTracking().SingleOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new DeliveryCancelledException(exception, cancellationToken);   // nothing sent yet
            }

            if (registration is not { Status: RegistrationStatus.Confirmed })
            {
                return false;
            }

            var status = await services.GetRequiredService<CoachingNotifier>().SendAsync(
                registration,
                (t, s) => t.Format(t.ReminderFormat, s.Title, SessionTime.Date(s.StartsAt, s.TimeZone, SessionTime.CultureOf(t), registration.TimeZone)),
                withCard: true,
                cancellationToken);
            Log.ReminderSent(logger, minutes, registrationId, status.ToString());
            return status == ProactiveSendStatus.Sent;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Give the claim back so a later pass (here or elsewhere) tries again.
            Log.BackgroundPassFailed(logger, exception);
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await db.ReminderClaims().Where(c => c.RegistrationId == registrationId && c.MinutesBefore == minutes).ExecuteDeleteAsync(CancellationToken.None);
            }

            return false;
        }
        catch (DeliveryCancelledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stopping before the reminder went out — while it was made (the session, the language read) or
            // while the connector client waited to retry a refused send: nothing was delivered, so the claim is given
            // back and the first pass after the restart sends it (still due: the windows are hours long). Stopped with
            // the request on the wire, the claim stays: never twice.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using (await gate.EnterAsync(timeout.Token))
            {
                await db.ReminderClaims().Where(c => c.RegistrationId == registrationId && c.MinutesBefore == minutes).ExecuteDeleteAsync(timeout.Token);
            }

            throw;
        }
    }

    /// <summary>
    /// The reminders whose sending mark (<see cref="CoachingReminderClaim.SendingMarkOf"/>) is older than any send: their
    /// process was killed (a crash, not a clean stop) between the claim and the end of the send, and the claim would keep
    /// the reminder from ever going. The claim of that moment and its mark are removed — each only as written then, so
    /// that a claim taken again since is never touched — and the reminder goes on this pass if still due: at least
    /// once, since a second "starts in 1 hour" is less harm than none (warning 2439).
    /// </summary>
    private async Task GiveBackKilledSendsAsync(CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNow() - CoachingReminderClaim.InFlightBound;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var marks = await db.ReminderClaims().AsNoTracking()
            .Where(c => c.MinutesBefore < 0 && c.ClaimedAt <= before)
            .ToListAsync(cancellationToken);
        if (marks.Count == 0)
        {
            return;
        }

        var gate = scope.ServiceProvider.GetRequiredService<DatabaseWriteGate>();
        foreach (var mark in marks)
        {
            var minutes = CoachingReminderClaim.MinutesOfSendingMark(mark.MinutesBefore);
            using (await gate.EnterAsync(cancellationToken))
            {
                // The claim first: killed between the two, the mark left behind is taken again by the next pass.
                await db.ReminderClaims()
                    .Where(c => c.RegistrationId == mark.RegistrationId && c.MinutesBefore == minutes && c.ClaimedAt == mark.ClaimedAt)
                    .ExecuteDeleteAsync(cancellationToken);
                if (await db.ReminderClaims()
                    .Where(c => c.RegistrationId == mark.RegistrationId && c.MinutesBefore == mark.MinutesBefore && c.ClaimedAt == mark.ClaimedAt)
                    .ExecuteDeleteAsync(cancellationToken) > 0)
                {
                    Log.ReminderKilledMidSendGivenBack(logger, minutes, mark.RegistrationId, mark.ClaimedAt);
                }
            }
        }
    }
}
