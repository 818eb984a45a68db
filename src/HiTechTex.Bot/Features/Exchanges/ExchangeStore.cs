using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The applications in the bot's database. Every change of status is <see cref="TransitionAsync"/>: one conditional
/// UPDATE on (id, version, status) plus its audit entry in one transaction — so of any number of concurrent attempts
/// (double clicks, Teams retries, two managers, two bot instances) exactly one changes the row.
/// </summary>
internal sealed class ExchangeStore(BotDbContext db, DatabaseWriteGate writeGate, TimeProvider timeProvider)
{
    /// <summary>
    /// Statuses of an application the visiting side's cluster manager has validated (stage 1 approved) or beyond: it
    /// holds the visiting organisation's one visit.
    /// </summary>
    public static readonly IReadOnlyList<ExchangeStatus> ValidatedStatuses =
        [ExchangeStatus.Stage2, ExchangeStatus.Approved, ExchangeStatus.ReportSubmitted, ExchangeStatus.Completed];

    /// <summary>
    /// Submitted and not yet validated by the visiting side (or sent back to the applicant): holds the visit against
    /// the same applicant's other applications only. Who works for an organisation is what its members say in their
    /// profile, which the cluster manager checks at stage 1 — so one person's pending application must not stop a
    /// colleague's (or the real staff's, when someone claimed their organisation): the manager approves one.
    /// </summary>
    public static readonly IReadOnlyList<ExchangeStatus> PendingStatuses = [ExchangeStatus.Stage1, ExchangeStatus.ChangesRequested];

    private static readonly DateTimeOffsetToBinaryConverter TimeConverter = new();

    public Task<ExchangeApplication?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<ExchangeApplication>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The applications of the person with this Entra object id, in any case it was stored in (<see cref="AadObjectIds"/>).</summary>
    public async Task<IReadOnlyList<ExchangeApplication>> ListForApplicantAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var applicant = AadObjectIds.Key(aadObjectId);
        return await db.Set<ExchangeApplication>().AsNoTracking()
            .Where(e => e.ApplicantAadObjectId.ToLower() == applicant)
            .OrderByDescending(e => e.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ExchangeApplication>> ListAsync(IReadOnlyCollection<ExchangeStatus> statuses, CancellationToken cancellationToken) =>
        await db.Set<ExchangeApplication>().AsNoTracking()
            .Where(e => statuses.Contains(e.Status))
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// True when the organisation's one visit is taken for <paramref name="applicantAadObjectId"/>: by an application
    /// its cluster validated, or by one of their own still pending (withdrawn, rejected and drafts count for nothing).
    /// </summary>
    public Task<bool> HasCountingApplicationAsync(string visitingOrganisationId, Guid exceptId, string applicantAadObjectId, CancellationToken cancellationToken)
    {
        var applicant = AadObjectIds.Key(applicantAadObjectId);
        return db.Set<ExchangeApplication>().AnyAsync(
            e => e.VisitingOrganisationId == visitingOrganisationId && e.Id != exceptId
                && (ValidatedStatuses.Contains(e.Status) || (PendingStatuses.Contains(e.Status) && e.ApplicantAadObjectId.ToLower() == applicant)),
            cancellationToken);
    }

    /// <summary>True when the organisation has an application its cluster validated, other than <paramref name="exceptId"/>.</summary>
    public Task<bool> HasValidatedApplicationAsync(string visitingOrganisationId, Guid exceptId, CancellationToken cancellationToken) =>
        db.Set<ExchangeApplication>().AnyAsync(
            e => e.VisitingOrganisationId == visitingOrganisationId && e.Id != exceptId && ValidatedStatuses.Contains(e.Status),
            cancellationToken);

    /// <summary>
    /// True when the visiting side once validated the application (its audit holds the move into stage 2): the host side
    /// has been involved since, whatever its status now. The audit is append-only, so this never turns false.
    /// </summary>
    public Task<bool> ReachedStage2Async(Guid exchangeId, CancellationToken cancellationToken) =>
        db.Set<ExchangeAuditEntry>().AnyAsync(a => a.ExchangeId == exchangeId && a.ToStatus == ExchangeStatus.Stage2, cancellationToken);

    public async Task<IReadOnlyList<ExchangeAuditEntry>> AuditAsync(Guid exchangeId, CancellationToken cancellationToken) =>
        await db.Set<ExchangeAuditEntry>().AsNoTracking()
            .Where(a => a.ExchangeId == exchangeId)
            .OrderBy(a => a.Version)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ExchangeCardReference>> CardsAsync(Guid exchangeId, CancellationToken cancellationToken) =>
        await db.Set<ExchangeCardReference>().AsNoTracking()
            .Where(c => c.ExchangeId == exchangeId)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Records a sent card (idempotent on conversation + activity). Recorded again — the same activity given for a later
    /// send, or the card shown again in place — it takes the later time: the coordinator's "stuck applications" compares
    /// it with the card's claim, and an old time would list a card that did arrive as one that may not have.
    /// </summary>
    public async Task AddCardAsync(Guid exchangeId, string recipientAadObjectId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var sentAt = (long)TimeConverter.ConvertToProvider(timeProvider.GetUtcNow())!;
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ExchangeCards" ("ExchangeId", "RecipientAadObjectId", "ConversationId", "ActivityId", "SentAt")
            VALUES ({exchangeId}, {recipientAadObjectId}, {conversationId}, {activityId}, {sentAt})
            ON CONFLICT ("ExchangeId", "ConversationId", "ActivityId") DO UPDATE SET "SentAt" = excluded."SentAt"
            WHERE excluded."SentAt" > "ExchangeCards"."SentAt"
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a sent card (one that could not be replaced in place, once a new one took its place).</summary>
    public async Task RemoveCardAsync(long cardId, CancellationToken cancellationToken)
    {
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM "ExchangeCards" WHERE "Id" = {cardId}
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims a follow-up message: true for exactly one caller per (exchange, kind, recipient), across instances,
    /// because the row's key decides in the database. The recipient is a person (<see cref="AadObjectIds"/>): a record
    /// of theirs held in another case of their id (written before the directory or the configuration spelled it
    /// otherwise, or by another Teams client) holds the claim too — so is every record look-up below by recipient.
    /// </summary>
    public async Task<bool> TryClaimReminderAsync(Guid exchangeId, string kind, string recipientAadObjectId, CancellationToken cancellationToken)
    {
        var sentAt = (long)TimeConverter.ConvertToProvider(timeProvider.GetUtcNow())!;
        var person = AadObjectIds.Key(recipientAadObjectId);
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ExchangeReminders" ("ExchangeId", "Kind", "RecipientAadObjectId", "SentAt")
            SELECT {exchangeId}, {kind}, {recipientAadObjectId}, {sentAt}
            WHERE NOT EXISTS (SELECT 1 FROM "ExchangeReminders"
                WHERE "ExchangeId" = {exchangeId} AND "Kind" = {kind} AND lower("RecipientAadObjectId") = {person})
            ON CONFLICT DO NOTHING
            """, cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Gives a claim back (<see cref="TryClaimReminderAsync"/>): the message it was taken for was not delivered, so a
    /// later pass may claim it again.
    /// </summary>
    public async Task ReleaseReminderAsync(Guid exchangeId, string kind, string recipientAadObjectId, CancellationToken cancellationToken)
    {
        var person = AadObjectIds.Key(recipientAadObjectId);
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM "ExchangeReminders" WHERE "ExchangeId" = {exchangeId} AND "Kind" = {kind} AND lower("RecipientAadObjectId") = {person}
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes one record, exactly (not by prefix): true for exactly one caller when several try at once, across
    /// instances — what lets only one of them act on it (a notice stopped on the wire, sent once more).
    /// </summary>
    public async Task<bool> TryTakeRecordAsync(Guid exchangeId, string kind, string recipientAadObjectId, CancellationToken cancellationToken)
    {
        var person = AadObjectIds.Key(recipientAadObjectId);
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM "ExchangeReminders" WHERE "ExchangeId" = {exchangeId} AND "Kind" = {kind} AND lower("RecipientAadObjectId") = {person}
            """, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// Takes over a held claim (<see cref="TryClaimReminderAsync"/>) from a send whose outcome is unknown, without ever
    /// giving it up: its time becomes now, on the condition that it is still the one read (<paramref name="heldSince"/>,
    /// its version) — true for exactly one caller, across instances. The claim stays held throughout, so that no other
    /// pass can claim the message and send it too (the coordinator's Retry now against the follow-up).
    /// </summary>
    public async Task<bool> TryRenewClaimAsync(Guid exchangeId, string kind, string recipientAadObjectId, DateTimeOffset heldSince, CancellationToken cancellationToken)
    {
        var now = (long)TimeConverter.ConvertToProvider(timeProvider.GetUtcNow())!;
        var expected = (long)TimeConverter.ConvertToProvider(heldSince)!;
        var person = AadObjectIds.Key(recipientAadObjectId);
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "ExchangeReminders" SET "SentAt" = {now}
            WHERE "ExchangeId" = {exchangeId} AND "Kind" = {kind} AND lower("RecipientAadObjectId") = {person} AND "SentAt" = {expected}
            """, cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>The follow-up messages claimed for an application (<see cref="TryClaimReminderAsync"/>), with when.</summary>
    public async Task<IReadOnlyList<ExchangeReminder>> RemindersAsync(Guid exchangeId, CancellationToken cancellationToken) =>
        await db.Set<ExchangeReminder>().AsNoTracking()
            .Where(r => r.ExchangeId == exchangeId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The applications with a failed delivery of a notice recorded — the status notice to the applicant
    /// (<see cref="ExchangeDeliveryClaim.StatusNotice"/>, of any version: the follow-up tries again those of the current
    /// one), the withdrawal notice to an approver (<see cref="ExchangeDeliveryClaim.WithdrawnNotice"/>) or the update of
    /// somebody's card after a transition (<see cref="ExchangeDeliveryClaim.CardUpdate"/>), or of a step's card, the new
    /// card of a resubmission or reassignment included, whether it may pass or not (<see cref="ExchangeDeliveryClaim.CardFailedPrefix"/>,
    /// <see cref="ExchangeDeliveryClaim.CardUnreachablePrefix"/>) — except the
    /// closed ones whose every notice was delivered or given up (<see cref="ExchangeDeliveryClaim.SettledKind"/>): those
    /// are not looked at again.
    /// </summary>
    public async Task<IReadOnlyList<ExchangeApplication>> WithUndeliveredNoticesAsync(CancellationToken cancellationToken) =>
        await db.Set<ExchangeApplication>().AsNoTracking()
            .Where(e => db.Set<ExchangeReminder>().Any(r => r.ExchangeId == e.Id
                    && (r.Kind.StartsWith(ExchangeDeliveryClaim.StatusNoticeFailed) || r.Kind.StartsWith(ExchangeDeliveryClaim.StatusNoticeUnreachable)
                        || r.Kind.StartsWith(ExchangeDeliveryClaim.WithdrawnNoticeFailed) || r.Kind.StartsWith(ExchangeDeliveryClaim.WithdrawnNoticeUnreachable)
                        || r.Kind.StartsWith(ExchangeDeliveryClaim.CardUpdateFailed) || r.Kind.StartsWith(ExchangeDeliveryClaim.NoticesDuePrefix)
                        || r.Kind.StartsWith(ExchangeDeliveryClaim.CardFailedPrefix) || r.Kind.StartsWith(ExchangeDeliveryClaim.CardUnreachablePrefix)))
                && !db.Set<ExchangeReminder>().Any(r => r.ExchangeId == e.Id && r.Kind == ExchangeDeliveryClaim.SettledKind))
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Gives back every record of an application whose kind begins with one of <paramref name="prefixes"/>, for one
    /// recipient or (null) for all: the coordinator's "Retry now" (the follow-up's next pass then tries the message again,
    /// as if it had never failed). Idempotent: a second call finds nothing to remove. A prefix that does not end with
    /// ':' is a whole kind: it takes that kind and the kinds continuing it after a ':', never a longer version number
    /// ("remindunreachable:Stage1:2" leaves "remindunreachable:Stage1:20" of a later resubmission alone).
    /// </summary>
    public async Task<int> ForgetRemindersAsync(Guid exchangeId, IReadOnlyList<string> prefixes, string? recipientAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        var person = recipientAadObjectId is null ? null : AadObjectIds.Key(recipientAadObjectId);
        var removed = 0;
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        foreach (var prefix in prefixes)
        {
            var whole = prefix.EndsWith(':') ? null : prefix;
            var begins = whole is null ? prefix : prefix + ":";
            removed += await db.Set<ExchangeReminder>()
                .Where(r => r.ExchangeId == exchangeId && (r.Kind == whole || r.Kind.StartsWith(begins))
                    && (person == null || r.RecipientAadObjectId.ToLower() == person))
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <summary>The record of <paramref name="kind"/> for <paramref name="recipientAadObjectId"/> on any application, if any.</summary>
    public Task<ExchangeReminder?> FindRecordAsync(string kind, string recipientAadObjectId, CancellationToken cancellationToken)
    {
        var person = AadObjectIds.Key(recipientAadObjectId);
        return db.Set<ExchangeReminder>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Kind == kind && r.RecipientAadObjectId.ToLower() == person, cancellationToken);
    }

    /// <summary>The applications with a record whose kind begins with <paramref name="prefix"/> (e.g. a notice given up).</summary>
    public async Task<IReadOnlyList<ExchangeApplication>> WithRecordAsync(string prefix, CancellationToken cancellationToken) =>
        await db.Set<ExchangeApplication>().AsNoTracking()
            .Where(e => db.Set<ExchangeReminder>().Any(r => r.ExchangeId == e.Id && r.Kind.StartsWith(prefix)))
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a draft (version 1) with its "created" audit entry.</summary>
    public async Task CreateAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        if (!await TryCreateAsync(application, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Exchange application {application.Id} exists already.");
        }
    }

    /// <summary>
    /// Creates a draft (version 1) with its "created" audit entry; false, writing nothing, when an application with its
    /// id exists already (the same new form saved by another click first: the id is the form's).
    /// </summary>
    public async Task<bool> TryCreateAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var now = timeProvider.GetUtcNow();
        application.Status = ExchangeStatus.Draft;
        application.Version = 1;
        application.CreatedAt = now;
        application.StatusChangedAt = now;
        application.Reference = "EX-" + application.Id.ToString("N")[..6].ToUpperInvariant();
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        db.Add(application);
        db.Add(new ExchangeAuditEntry
        {
            ExchangeId = application.Id, Version = 1, ActorAadObjectId = application.ApplicantAadObjectId, ActorName = application.ApplicantName,
            At = now, Action = ExchangeAction.Created, FromStatus = ExchangeStatus.Draft, ToStatus = ExchangeStatus.Draft,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Nothing was written (one transaction); the insert lost to the other click's when the id is there now.
            db.ChangeTracker.Clear();
            if (await db.Set<ExchangeApplication>().AnyAsync(e => e.Id == application.Id, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Saves the applicant's edits of a draft (or of an application sent back for changes), only if nobody changed
    /// it since <paramref name="expectedVersion"/>; returns the new version, or null when it changed meanwhile.
    /// </summary>
    public async Task<int?> SaveDraftAsync(ExchangeApplication edited, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edited);
        var applicant = AadObjectIds.Key(edited.ApplicantAadObjectId);
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<ExchangeApplication>()
            .Where(e => e.Id == edited.Id && e.Version == expectedVersion && e.ApplicantAadObjectId.ToLower() == applicant
                && (e.Status == ExchangeStatus.Draft || e.Status == ExchangeStatus.ChangesRequested))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Version, expectedVersion + 1)
                .SetProperty(e => e.VisitingOrganisationId, edited.VisitingOrganisationId)
                .SetProperty(e => e.HostOrganisationId, edited.HostOrganisationId)
                .SetProperty(e => e.StartDate, edited.StartDate)
                .SetProperty(e => e.EndDate, edited.EndDate)
                .SetProperty(e => e.ActivityType, edited.ActivityType)
                .SetProperty(e => e.Objectives, edited.Objectives)
                .SetProperty(e => e.Agenda, edited.Agenda)
                .SetProperty(e => e.ExpectedOutcomes, edited.ExpectedOutcomes), cancellationToken).ConfigureAwait(false);
        return rows == 1 ? expectedVersion + 1 : null;
    }

    /// <summary>
    /// Moves an application from <paramref name="from"/> to <paramref name="to"/> if it is still at
    /// <paramref name="expectedVersion"/>, and records the audit entry, atomically. False: someone else changed it
    /// first (or it never was in that state) — nothing was written.
    /// </summary>
    public async Task<bool> TransitionAsync(
        Guid id, int expectedVersion, ExchangeStatus from, ExchangeStatus to, ExchangeAction action, ExchangeActor actor, string? comment,
        ExchangeChanges? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        changes ??= ExchangeChanges.None;
        var now = timeProvider.GetUtcNow();
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var target = db.Set<ExchangeApplication>().Where(e => e.Id == id && e.Version == expectedVersion && e.Status == from);
        if (from == ExchangeStatus.Stage1 && to == ExchangeStatus.Stage2)
        {
            // The visiting side validates one application per organisation (it visits once): checked in the same
            // statement. On SQLite (one writer) that alone is enough. On PostgreSQL under READ COMMITTED two
            // transactions approving two of its applications would each not see the other's uncommitted row and both
            // pass, so the organisation's lock is taken first, in this transaction: the second waits until the first
            // commits or rolls back, and its UPDATE (a new statement, a new snapshot) then sees the validated one.
            await LockVisitAsync(id, cancellationToken).ConfigureAwait(false);
            target = target.Where(e => !db.Set<ExchangeApplication>().Any(
                o => o.VisitingOrganisationId == e.VisitingOrganisationId && o.Id != e.Id && ValidatedStatuses.Contains(o.Status)));
        }
        else if (to == ExchangeStatus.Stage1 && action == ExchangeAction.Submitted)
        {
            // A submission holds the organisation's one visit for its applicant (ExchangeWorkflow.CheckAsync checks it
            // before): checked again in the UPDATE itself, so that two of the same person's applications submitted at
            // the same instant (two forms, two devices, two instances) submit one. The organisation's lock as above.
            await LockVisitAsync(id, cancellationToken).ConfigureAwait(false);
            target = target.Where(e => !db.Set<ExchangeApplication>().Any(
                o => o.VisitingOrganisationId == e.VisitingOrganisationId && o.Id != e.Id
                    && (ValidatedStatuses.Contains(o.Status) || (PendingStatuses.Contains(o.Status) && o.ApplicantAadObjectId.ToLower() == e.ApplicantAadObjectId.ToLower()))));
        }

        var rows = await target
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(e => e.Version, expectedVersion + 1)
                    .SetProperty(e => e.Status, to)
                    .SetProperty(e => e.StatusChangedAt, now);
                if (changes.SetAssignedApprover)
                {
                    s.SetProperty(e => e.AssignedApproverAadObjectId, changes.AssignedApprover);
                }

                if (changes.LumpSum is { } lumpSum)
                {
                    s.SetProperty(e => e.LumpSum, lumpSum);
                }

                if (changes.ApplicantName is { } applicantName)
                {
                    s.SetProperty(e => e.ApplicantName, applicantName);
                }

                if (changes.ReportOutcomes is { } outcomes)
                {
                    s.SetProperty(e => e.ReportOutcomes, outcomes);
                }

                if (changes.ReportEvidence is { } evidence)
                {
                    s.SetProperty(e => e.ReportEvidence, evidence);
                }
            }, cancellationToken).ConfigureAwait(false);
        if (rows != 1)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        db.Add(new ExchangeAuditEntry
        {
            ExchangeId = id, Version = expectedVersion + 1, ActorAadObjectId = actor.AadObjectId, ActorName = actor.Name, At = now,
            Action = action, FromStatus = from, ToStatus = to, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

        // The notices of this version are owed from the same commit: a turn aborted after it still has them sent.
        db.Add(new ExchangeReminder
        {
            ExchangeId = id, Kind = ExchangeDeliveryClaim.NoticesDue(to, expectedVersion + 1), RecipientAadObjectId = actor.AadObjectId, SentAt = now,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>
    /// PostgreSQL only: a transaction-scoped advisory lock on the visiting organisation of application
    /// <paramref name="id"/> (released by the commit or rollback). The organisation is read in the same statement; it
    /// cannot change while the application is submitted, and if it did the version check of the UPDATE would fail.
    /// </summary>
    private async Task LockVisitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            SELECT pg_advisory_xact_lock(hashtextextended('hitechtex.exchanges.visit:' || "VisitingOrganisationId", 0))
            FROM "Exchanges" WHERE "Id" = {id}
            """, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks that the closing report was asked for (once; false if it already was).</summary>
    public async Task<bool> MarkReportRequestedAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        using var lease = await writeGate.EnterAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<ExchangeApplication>()
            .Where(e => e.Id == id && e.ReportRequestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ReportRequestedAt, now), cancellationToken).ConfigureAwait(false) == 1;
    }
}
