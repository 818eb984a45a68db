namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Why an application is on the coordinator's "stuck applications" card.</summary>
internal enum ExchangeStuckReason
{
    /// <summary>Nobody may decide the step it waits at (no cluster manager configured, no host contact with an Entra id).</summary>
    NoApprover,

    /// <summary>The step's approval card reached none of its approvers (every delivery failed).</summary>
    CardNotDelivered,

    /// <summary>A closed application's notice to the applicant (the decision) was given up.</summary>
    StatusNoticeGivenUp,

    /// <summary>A withdrawn application's notice to an approver was given up.</summary>
    WithdrawnNoticeGivenUp,

    /// <summary>
    /// The step's card was being sent to an approver when the host stopped, with it on the wire (warning 2327): it may not
    /// have arrived, and it is not sent again by itself (never twice); Retry now sends it once more.
    /// </summary>
    CardMayNotHaveArrived,

    /// <summary>
    /// The update (PUT) of somebody's card after a withdrawal or a decision was given up (<see cref="ExchangeDeliveryClaim.CardUpdate"/>):
    /// their card may still offer Approve/Reject.
    /// </summary>
    CardUpdateGivenUp,

    /// <summary>
    /// The step's card was refused (no conversation with the bot, blocked, 403/404) for some of its approvers at each of
    /// its bounded tries (<see cref="ExchangeDeliveryClaim.RefusalAttempts"/>), while others have it (a card that reached
    /// none is <see cref="CardNotDelivered"/>): the follow-up stopped trying; Retry now tries again.
    /// </summary>
    CardRefused,

    /// <summary>
    /// A message to the applicant of an open application (<see cref="ExchangeStuckEntry.Notice"/>: the status notice, "nobody
    /// may decide", "reached an approver", the closing-report request) was refused at each of its bounded tries
    /// (<see cref="ExchangeDeliveryClaim.RefusalAttempts"/>, warning 2331): the follow-up stopped trying; Retry now tries again.
    /// </summary>
    ApplicantNotReached,

    /// <summary>
    /// An approver's reminder of the step — an approver who has its card — was refused (no conversation with the bot,
    /// blocked, 403/404) at each of its bounded tries (<see cref="ExchangeDeliveryClaim.RefusalAttempts"/>, warning 2331):
    /// the follow-up stopped trying; Retry now sends it again.
    /// </summary>
    ApproverNotReminded,
}

/// <summary>
/// One line of the coordinator's "stuck applications" card; <paramref name="Recipients"/>: who was not reached (Entra ids;
/// the approvers of a card that reached none, the recipients of a given-up notice), whom the card names so that the
/// coordinator knows whom to tell.
/// </summary>
/// <paramref name="Refused"/>: for a given-up notice, whether its last delivery was refused (no conversation with the
/// bot, blocked, 403/404) rather than the service failing (5xx, timeouts) — which the card says, so that a notice given
/// up after Teams kept failing is not blamed on a block; for a card that reached no approver, whether it failed by
/// refusals for every approver rather than by Teams failing for one of them — its tries spent, by refusals spent for every
/// one (<see cref="ExchangeDeliveryClaim.RefusalsSpent"/>); still tried, by refusals only so far — a Teams-side outage is
/// not blamed on the approvers either, neither while the bot keeps trying nor once it has stopped.
internal sealed record ExchangeStuckEntry(ExchangeApplication Application, ExchangeStuckReason Reason, IReadOnlyList<string>? Recipients = null, bool Refused = false)
{
    /// <summary>
    /// The "Retry now" rounds of the application's step done when the list was made (<see cref="ExchangeDeliveryClaim.RetryRounds"/>):
    /// carried by the entry's button, whose click claims the next round — one try per button, whatever the clicks.
    /// </summary>
    public int Round { get; init; }

    /// <summary>
    /// For <see cref="ExchangeStuckReason.CardNotDelivered"/>: whether the follow-up still tries the card (its tries not
    /// spent for one of the step's approvers): the card says the bot keeps trying.
    /// </summary>
    public bool StillTried { get; init; }

    /// <summary>For <see cref="ExchangeStuckReason.ApplicantNotReached"/>: which message could not reach the applicant.</summary>
    public ExchangeApplicantNotice? Notice { get; init; }

    /// <summary>Whether "Retry now" can do anything (a missing approver is a matter of configuration).</summary>
    public bool CanRetry => Reason != ExchangeStuckReason.NoApprover;
}

/// <summary>What the coordinator's "Retry now" did.</summary>
internal enum ExchangeRetryOutcome
{
    /// <summary>Delivered now.</summary>
    Delivered,

    /// <summary>Tried again, still not delivered: the follow-up goes on trying (bounded again).</summary>
    StillFailing,

    /// <summary>Not stuck (any more): delivered meanwhile, or nothing owed. Nothing changed.</summary>
    NotStuck,

    /// <summary>
    /// Not given up (any more) but still owed: an earlier "Retry now" re-queued it and that try failed too, or — a card
    /// that reached no approver — its tries are not spent; the follow-up's next passes try again (bounded) and list it
    /// again should they give up. Nothing changed.
    /// </summary>
    AlreadyQueued,

    /// <summary>Nobody may decide it: nothing to retry until an approver is configured. Nothing changed.</summary>
    NeedsApprover,

    /// <summary>
    /// Tried again and refused again (403/404: the card or the chat gone, the bot blocked): not tried by the follow-up,
    /// listed again; a later "Retry now" from the list shown again tries once more.
    /// </summary>
    Refused,

    /// <summary>
    /// This button's try was made already (a click before this one) and it is still stuck: nothing tried again; the list
    /// shown again offers one more try.
    /// </summary>
    AlreadyRetried,

    /// <summary>This button's try is running now (a double click): nothing tried again; the first click's answer follows.</summary>
    Running,

    /// <summary>
    /// Owed to somebody who no longer needs it: an approver's reminder whose approver is no longer one of the step's
    /// (roles come from the configuration and the directory, and change). The follow-up does not send it; nothing changed.
    /// </summary>
    NotNeeded,
}

/// <summary>
/// The programme coordinator's view of what the follow-up cannot get through: applications whose approval card never
/// reached any approver of their step, or whose notice it gave up (<see cref="ExchangeDeliveryClaim.GaveUpKind"/>), and
/// the "Retry now" that forgets those failures and tries once more at once (the claims keep it to one delivery, so a
/// double click sends nothing twice). Who may use it is checked by the caller (<see cref="ExchangeApprovers.IsCoordinator"/>).
/// </summary>
internal sealed class ExchangeStuckApplications(
    ExchangeStore store, ExchangeApprovers approvers, ExchangeNotifier notifier, ExchangeFollowUp followUp, ExchangeClock clock)
{
    private static readonly ExchangeStatus[] PendingStatuses = [ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ReportSubmitted];

    public async Task<IReadOnlyList<ExchangeStuckEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<ExchangeStuckEntry>();
        foreach (var application in await store.ListAsync(PendingStatuses, cancellationToken).ConfigureAwait(false))
        {
            // The application's delivery records and the step's approvers, read once for all its problems.
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
            var round = ExchangeDeliveryClaim.RetryRounds(application, claims, clock.Now).Done;
            var reason = await PendingReasonAsync(application, waitingFor, claims, cancellationToken).ConfigureAwait(false);
            if (reason is not null)
            {
                var notDelivered = reason == ExchangeStuckReason.CardNotDelivered;
                var stillTried = notDelivered && CardStillTried(application, waitingFor, claims);
                entries.Add(new(application, reason.Value, notDelivered ? [.. waitingFor] : null, notDelivered && CardRefused(application, waitingFor, claims, stillTried))
                {
                    Round = round,
                    StillTried = stillTried,
                });
            }

            if (reason is null && Refused(application, waitingFor, claims) is { Count: > 0 } refused)
            {
                entries.Add(new(application, ExchangeStuckReason.CardRefused, refused) { Round = round });
            }

            if (await OnTheWireAsync(application, waitingFor, claims, cancellationToken).ConfigureAwait(false) is { Count: > 0 } onTheWire)
            {
                entries.Add(new(application, ExchangeStuckReason.CardMayNotHaveArrived, onTheWire) { Round = round });
            }

            if (NotReminded(application, waitingFor, claims) is { Count: > 0 } notReminded)
            {
                entries.Add(new(application, ExchangeStuckReason.ApproverNotReminded, notReminded, Refused: true) { Round = round });
            }
        }

        foreach (var application in await store.WithRecordAsync(ExchangeDeliveryClaim.GaveUpPrefix, cancellationToken).ConfigureAwait(false))
        {
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var round = ExchangeDeliveryClaim.RetryRounds(application, claims, clock.Now).Done;
            entries.AddRange(GivenUp(application, claims).GroupBy(g => (g.Reason, Refused: g.Claim.WasRefused(claims, g.Recipient)))
                .OrderBy(g => g.Key.Reason).ThenByDescending(g => g.Key.Refused)
                .Select(g => new ExchangeStuckEntry(application, g.Key.Reason, [.. g.Select(n => n.Recipient).Distinct(AadObjectIds.Comparer)], g.Key.Refused)
                {
                    Round = round,
                }));
        }

        // A message to the applicant of an open application refused at each of its tries: never sent again by itself.
        foreach (var application in await store.WithRecordAsync(ExchangeDeliveryClaim.MessageRefusedPrefix, cancellationToken).ConfigureAwait(false))
        {
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var round = ExchangeDeliveryClaim.RetryRounds(application, claims, clock.Now).Done;
            entries.AddRange(ApplicantNotReached(application, claims).Select(n => new ExchangeStuckEntry(
                application, ExchangeStuckReason.ApplicantNotReached, [application.ApplicantAadObjectId], Refused: true)
            {
                Round = round,
                Notice = n.Notice,
            }));
        }

        return entries;
    }

    /// <summary>
    /// "Retry now" on <paramref name="id"/> from a button shown after <paramref name="round"/> rounds: the click claims the
    /// next round (<see cref="ExchangeDeliveryClaim.RetryRound"/>) before anything else, so that a button tries once — a
    /// double click, or the same button clicked again after its try failed or was refused, sends nothing more and is told
    /// where it stands; the list shown again carries the rounds done since and so offers one more try. The try forgets
    /// the failures that made it stuck and tries at once every problem listed for the application — the step's card to
    /// its approvers, the applicant's messages, the approvers' reminders, the given-up notices and card updates — each
    /// under its own claim (the follow-up then tries again, bounded, those that fail); <c>Parts</c> says how each went,
    /// <c>Outcome</c> the whole (<see cref="ExchangeRetryPart.Overall"/>).
    /// </summary>
    public async Task<(ExchangeApplication? Application, ExchangeRetryOutcome Outcome, IReadOnlyList<ExchangeRetryPart> Parts)> RetryAsync(
        Guid id, int round, CancellationToken cancellationToken)
    {
        var application = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return (null, ExchangeRetryOutcome.NotStuck, []);
        }

        var next = round + 1;

        // A button whose round was taken already (its earlier rounds' records are removed once a later one ends: a claim
        // alone would take a removed round again) is told where it stands.
        if (next <= ExchangeDeliveryClaim.LastRetryRound(application, await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false))
            || !await store.TryClaimReminderAsync(application.Id, ExchangeDeliveryClaim.RetryRound(application, next), ExchangeDeliveryClaim.RetryRoundRecipient, cancellationToken)
            .ConfigureAwait(false))
        {
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            if (ExchangeDeliveryClaim.RetryRounds(application, claims, clock.Now).Running)
            {
                return (application, ExchangeRetryOutcome.Running, []);
            }

            var (outcome, standing) = await StandingAsync(application, claims, cancellationToken).ConfigureAwait(false);
            return (application, outcome, standing);
        }

        try
        {
            var parts = await TryOnceAsync(application, cancellationToken).ConfigureAwait(false);
            if (parts.Count > 0)
            {
                return (application, ExchangeRetryPart.Overall(parts), parts);
            }

            // Nothing listed any more (delivered meanwhile, or a double click's second round): where each kind stands.
            var (outcome, standing) = await StandingAsync(application, null, cancellationToken).ConfigureAwait(false);
            return (application, outcome, standing);
        }
        finally
        {
            // The round ended (a round whose process stopped counts as ended once older than any send).
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await store.TryClaimReminderAsync(application.Id, ExchangeDeliveryClaim.RetryRoundDone(application, next), ExchangeDeliveryClaim.RetryRoundRecipient, timeout.Token)
                    .ConfigureAwait(false);

                // The earlier rounds' records told old buttons apart; this round's now do (LastRetryRound): removed, so
                // that the records do not grow with the clicks.
                var claims = await store.RemindersAsync(application.Id, timeout.Token).ConfigureAwait(false);
                foreach (var superseded in ExchangeDeliveryClaim.SupersededRetryRecords(application, claims, next))
                {
                    await store.ReleaseReminderAsync(application.Id, superseded.Kind, superseded.RecipientAadObjectId, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database gone: the round counts as ended once older than any send (ExchangeDeliveryClaim.RetryRounds).
            }
        }
    }

    /// <summary>
    /// Where an application stands for a click that tries nothing — its round taken (a double click, or the same button
    /// again), or nothing listed any more — kind by kind, so that the coordinator knows what the bot still tries: each
    /// problem still listed (not tried by the follow-up any more: the list shown again offers one more try — but a card
    /// that reached no approver, listed from its first failure, is queued while the follow-up still tries it), each message
    /// owed and still tried by the follow-up (queued), an approver's reminder owed to somebody no longer an approver of
    /// the step (not needed: the follow-up reminds the step's current approvers only), and whether nobody may decide the
    /// step. The outcome says the whole (the problems still listed first); not stuck when there is nothing. Nothing is tried.
    /// </summary>
    /// <param name="claims">The application's delivery records when the caller has just read them; null to read them.</param>
    private async Task<(ExchangeRetryOutcome Outcome, IReadOnlyList<ExchangeRetryPart> Parts)> StandingAsync(
        ExchangeApplication application, IReadOnlyList<ExchangeReminder>? claims, CancellationToken cancellationToken)
    {
        claims ??= await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        var pending = PendingStatuses.Contains(application.Status) ? await PendingReasonAsync(application, waitingFor, claims, cancellationToken).ConfigureAwait(false) : null;
        var parts = new List<ExchangeRetryPart>();
        if ((await OnTheWireAsync(application, waitingFor, claims, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            parts.Add(new(ExchangeStuckReason.CardMayNotHaveArrived, ExchangeRetryOutcome.AlreadyRetried));
        }

        var card = ExchangeDeliveryClaim.Card(application);
        if (pending == ExchangeStuckReason.CardNotDelivered)
        {
            // Queued while the follow-up still tries it, no longer tried only once its tries are spent for every approver.
            parts.Add(new(ExchangeStuckReason.CardNotDelivered, CardStillTried(application, waitingFor, claims)
                ? ExchangeRetryOutcome.AlreadyQueued
                : ExchangeRetryOutcome.AlreadyRetried));
        }

        if (pending is null && Refused(application, waitingFor, claims).Count > 0)
        {
            parts.Add(new(ExchangeStuckReason.CardRefused, ExchangeRetryOutcome.AlreadyRetried));
        }

        parts.AddRange(ApplicantNotReached(application, claims)
            .Select(n => new ExchangeRetryPart(ExchangeStuckReason.ApplicantNotReached, ExchangeRetryOutcome.AlreadyRetried) { Notice = n.Notice }));
        if (NotReminded(application, waitingFor, claims).Count > 0)
        {
            parts.Add(new(ExchangeStuckReason.ApproverNotReminded, ExchangeRetryOutcome.AlreadyRetried));
        }

        parts.AddRange(GivenUp(application, claims).Select(g => g.Reason).Distinct()
            .Select(r => new ExchangeRetryPart(r, ExchangeRetryOutcome.AlreadyRetried)));

        // The card refused for an approver at some of its tries (not all): the follow-up tries it again after its wait.
        if (pending is null && PendingStatuses.Contains(application.Status)
            && claims.Any(c => c.Kind.StartsWith(card.RefusalPrefix!, StringComparison.Ordinal) && !card.IsHeld(claims, c.RecipientAadObjectId))
            && !parts.Any(p => p.Problem == ExchangeStuckReason.CardRefused))
        {
            parts.Add(new(ExchangeStuckReason.CardRefused, ExchangeRetryOutcome.AlreadyQueued));
        }

        parts.AddRange(Owed(application, waitingFor, claims));
        if (pending == ExchangeStuckReason.NoApprover)
        {
            parts.Add(new(ExchangeStuckReason.NoApprover, ExchangeRetryOutcome.NeedsApprover));
        }

        IReadOnlyList<ExchangeRetryPart> distinct = [.. parts.Distinct()];
        var outcomes = distinct.Select(p => p.Outcome).ToList();
        var outcome = outcomes.Contains(ExchangeRetryOutcome.AlreadyRetried) ? ExchangeRetryOutcome.AlreadyRetried
            : outcomes.Contains(ExchangeRetryOutcome.AlreadyQueued) ? ExchangeRetryOutcome.AlreadyQueued
            : outcomes.Contains(ExchangeRetryOutcome.NeedsApprover) ? ExchangeRetryOutcome.NeedsApprover
            : outcomes.Contains(ExchangeRetryOutcome.NotNeeded) ? ExchangeRetryOutcome.NotNeeded
            : ExchangeRetryOutcome.NotStuck;
        return (outcome, distinct);
    }

    /// <summary>
    /// The one try of a round (see <see cref="RetryAsync"/>): every problem listed for the application, read before
    /// anything is tried — so that a try that fails, making something else look stuck, adds no second try to this
    /// click — and each tried once, under its own claim. Empty when nothing is listed any more.
    /// </summary>
    private async Task<IReadOnlyList<ExchangeRetryPart>> TryOnceAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        var onTheWire = await OnTheWireAsync(application, waitingFor, claims, cancellationToken).ConfigureAwait(false);
        var pending = PendingStatuses.Contains(application.Status) ? await PendingReasonAsync(application, waitingFor, claims, cancellationToken).ConfigureAwait(false) : null;
        IReadOnlyList<string> refused = pending is null ? Refused(application, waitingFor, claims) : [];
        var notReached = ApplicantNotReached(application, claims).ToList();
        var notReminded = NotReminded(application, waitingFor, claims);
        var givenUp = GivenUp(application, claims).ToList();

        var parts = new List<ExchangeRetryPart>();
        if (onTheWire.Count > 0
            && await ResendOnTheWireAsync(application, onTheWire, cancellationToken).ConfigureAwait(false) is var resent and not ExchangeRetryOutcome.NotStuck)
        {
            // Asked for by the coordinator (who may have checked with the approver): the card sent once more.
            parts.Add(new(ExchangeStuckReason.CardMayNotHaveArrived, resent));
        }

        if (pending == ExchangeStuckReason.CardNotDelivered)
        {
            parts.Add(new(ExchangeStuckReason.CardNotDelivered, await RetryCardAsync(application, waitingFor, cancellationToken).ConfigureAwait(false)));
        }

        if (refused.Count > 0)
        {
            parts.Add(new(ExchangeStuckReason.CardRefused, await RetryRefusedCardsAsync(application, refused, cancellationToken).ConfigureAwait(false)));
        }

        foreach (var (notice, claim) in notReached)
        {
            if (await RetryApplicantNoticeAsync(application, waitingFor, notice, claim, cancellationToken).ConfigureAwait(false) is { } outcome)
            {
                parts.Add(new(ExchangeStuckReason.ApplicantNotReached, outcome) { Notice = notice });
            }
        }

        if (notReminded.Count > 0)
        {
            parts.Add(new(ExchangeStuckReason.ApproverNotReminded, await RetryRemindersAsync(application, notReminded, cancellationToken).ConfigureAwait(false)));
        }

        // The given-up notices before the card updates: the follow-up's try of the notices below skips an update given up,
        // which its own try follows — so that one click updates a card once.
        var notices = givenUp.Where(g => g.Reason != ExchangeStuckReason.CardUpdateGivenUp).ToList();
        var updates = givenUp.Where(g => g.Reason == ExchangeStuckReason.CardUpdateGivenUp).ToList();
        if (givenUp.Count > 0)
        {
            // A closed application settled (every notice delivered or given up) is looked at again by the follow-up, which
            // goes on trying what fails again now.
            await store.ForgetRemindersAsync(application.Id, [ExchangeDeliveryClaim.SettledKind], null, cancellationToken).ConfigureAwait(false);
        }

        if (notices.Count > 0)
        {
            parts.AddRange(await RetryGivenUpNoticesAsync(application, notices, cancellationToken).ConfigureAwait(false));
        }

        if (updates.Count > 0 && await RetryGivenUpUpdatesAsync(application, updates, cancellationToken).ConfigureAwait(false) is { } updated)
        {
            parts.Add(new(ExchangeStuckReason.CardUpdateGivenUp, updated));
        }

        return parts;
    }

    /// <summary>
    /// Retry now of the given-up notices of the application's current version (a closed application's status notice, the
    /// approvers' "withdrawn" notices): each tried afresh by the follow-up's claims, and how each kind went.
    /// </summary>
    private async Task<IReadOnlyList<ExchangeRetryPart>> RetryGivenUpNoticesAsync(
        ExchangeApplication application, IReadOnlyList<(ExchangeStuckReason Reason, ExchangeDeliveryClaim Claim, string Recipient)> notices,
        CancellationToken cancellationToken)
    {
        foreach (var (_, claim, recipient) in notices)
        {
            // Tried afresh: the numbered failures and the record of giving up forgotten, one "could not reach" kept so
            // that the follow-up knows the notice is owed (it counts for no try).
            // Its counted refusals too (of a time the application was open), or the follow-up would not try it again.
            string[] forget = [claim.FailedPrefix, claim.UnreachableKind, claim.GaveUpKind, claim.RefusedKind, claim.RefusalPrefix ?? claim.FailedPrefix];
            await store.ForgetRemindersAsync(application.Id, forget, recipient, cancellationToken).ConfigureAwait(false);
            await store.TryClaimReminderAsync(application.Id, claim.UnreachableKind, recipient, cancellationToken).ConfigureAwait(false);
        }

        await followUp.RetryNoticesAsync(application, cancellationToken).ConfigureAwait(false);
        var after = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        return [.. notices.GroupBy(n => n.Reason).Select(g => new ExchangeRetryPart(
            g.Key, g.All(n => n.Claim.IsHeld(after, n.Recipient)) ? ExchangeRetryOutcome.Delivered : ExchangeRetryOutcome.StillFailing))];
    }

    /// <summary>
    /// Retry now of the given-up card updates: each tried here by the click that takes its record of giving up (a second
    /// click of a double click removes nothing and tries nothing). Refused again (given up again at once,
    /// <see cref="RetryCardUpdateAsync"/>): not the follow-up's to try, said so. Null when no record was taken.
    /// </summary>
    private async Task<ExchangeRetryOutcome?> RetryGivenUpUpdatesAsync(
        ExchangeApplication application, IReadOnlyList<(ExchangeStuckReason Reason, ExchangeDeliveryClaim Claim, string Recipient)> updates,
        CancellationToken cancellationToken)
    {
        var update = ExchangeDeliveryClaim.CardUpdate(application);
        bool? updated = null;
        foreach (var (_, _, recipient) in updates)
        {
            if (await store.ForgetRemindersAsync(application.Id, [update.GaveUpKind], recipient, cancellationToken).ConfigureAwait(false) == 0)
            {
                continue;
            }

            updated = (updated ?? true) & await RetryCardUpdateAsync(application, update, recipient, cancellationToken).ConfigureAwait(false);
        }

        if (updated is not { } done)
        {
            return null;
        }

        var now = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        return done ? ExchangeRetryOutcome.Delivered
            : updates.Any(u => update.GaveUp(now, u.Recipient)) ? ExchangeRetryOutcome.Refused
            : ExchangeRetryOutcome.StillFailing;
    }

    /// <summary>
    /// One more PUT of <paramref name="recipient"/>'s cards of the application, its failures forgotten: true when updated.
    /// A failure that may pass is recorded by the update itself, so the follow-up goes on trying (bounded again, and given
    /// up again — listed again — should it keep failing); one that will not (blocked, 403/404) is recorded as given up
    /// again, refused, so that the card stays listed with why.
    /// </summary>
    private async Task<bool> RetryCardUpdateAsync(ExchangeApplication application, ExchangeDeliveryClaim update, string recipient, CancellationToken cancellationToken)
    {
        await store.ForgetRemindersAsync(application.Id, [update.FailedPrefix, update.UnreachableKind, update.RefusedKind, update.Kind], recipient, cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<ExchangeCardReference> theirs = [.. (await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false))
            .Where(c => AadObjectIds.Same(c.RecipientAadObjectId, recipient))];
        if (theirs.Count == 0)
        {
            // No card of theirs on record any more: nothing to update.
            return true;
        }

        var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        if (await notifier.UpdateCardsAsync(application, recipient, theirs, refresh, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var after = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (update.IsHeld(after, recipient))
        {
            // Refused for good: kept (the update's claim), listed again as given up.
            await store.TryClaimReminderAsync(application.Id, update.RefusedKind, recipient, cancellationToken).ConfigureAwait(false);
            await store.TryClaimReminderAsync(application.Id, update.GaveUpKind, recipient, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<ExchangeRetryOutcome> RetryCardAsync(ExchangeApplication application, IReadOnlyList<string> waitingFor, CancellationToken cancellationToken)
    {
        var card = ExchangeDeliveryClaim.Card(application);
        await store.ForgetRemindersAsync(application.Id, [card.FailedPrefix, card.UnreachableKind, card.RefusalPrefix!], null, cancellationToken).ConfigureAwait(false);
        var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        var delivered = false;
        foreach (var approver in waitingFor)
        {
            var texts = await notifier.TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
            if (await notifier.SendWaitingCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false))
            {
                // Their reminder, refused with the card: reminded as any approver is, that long after this card.
                await ForgetReminderRefusalsAsync(application, approver, cancellationToken).ConfigureAwait(false);
                delivered = true;
            }
        }

        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (delivered && claims.Any(c => c.Kind == ExchangeNotifier.StuckKind(application)))
        {
            // The applicant was told nobody could be reached: owed the "reached an approver" notice (the follow-up
            // delivers it should this try fail).
            await store.TryClaimReminderAsync(application.Id, ExchangeDeliveryClaim.ReachedDueKind(application), application.ApplicantAadObjectId, cancellationToken)
                .ConfigureAwait(false);
            await notifier.TellReachedAsync(application, cancellationToken).ConfigureAwait(false);
        }

        return delivered ? ExchangeRetryOutcome.Delivered : ExchangeRetryOutcome.StillFailing;
    }

    /// <summary>
    /// The step's approvers whose card may not have arrived: its claim still held (never sent again by itself) and no
    /// card of theirs recorded since it was claimed — either stopped on the wire by a restart
    /// (<see cref="ExchangeDeliveryClaim.OnTheWireKind"/>), or claimed longer ago than any send takes
    /// (<see cref="ExchangeDeliveryClaim.InFlightBound"/>) without a word since: the process was killed (a crash, an
    /// out-of-memory kill, a host recycled without a clean stop) between its claim — committed on its own before the send
    /// — and the card's record. A delivery that failed gives its claim back, and one that was delivered is recorded, so a
    /// claim that old with neither is one of those (or, rarely, a card delivered whose record the database refused:
    /// hence "may", and the advice to check with the approver before Retry now).
    /// </summary>
    private async Task<IReadOnlyList<string>> OnTheWireAsync(
        ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims, CancellationToken cancellationToken)
    {
        if (!PendingStatuses.Contains(application.Status))
        {
            return [];
        }

        var card = ExchangeDeliveryClaim.Card(application);
        var settledBefore = clock.Now - ExchangeDeliveryClaim.InFlightBound;
        var stopped = claims.Where(c => c.Kind == card.OnTheWireKind || (c.Kind == card.Kind && c.SentAt <= settledBefore))
            .Select(c => c.RecipientAadObjectId).ToList();
        if (stopped.Count == 0)
        {
            return [];
        }

        var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
        return [.. waitingFor.Where(a => stopped.Contains(a, AadObjectIds.Comparer)
            && claims.FirstOrDefault(c => c.Kind == card.Kind && AadObjectIds.Same(c.RecipientAadObjectId, a)) is { } held
            && !sent.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, a) && c.SentAt >= held.SentAt))];
    }

    /// <summary>
    /// Retry now on a card stopped on the wire: each one taken by removing its record (a second click finds none), its
    /// claim given back and the card sent once more under it.
    /// </summary>
    private async Task<ExchangeRetryOutcome> ResendOnTheWireAsync(ExchangeApplication application, IReadOnlyList<string> onTheWire, CancellationToken cancellationToken)
    {
        var card = ExchangeDeliveryClaim.Card(application);
        IReadOnlyList<string>? refresh = null;
        bool? delivered = null;
        foreach (var approver in onTheWire)
        {
            // Taken by removing its record — the one left by a stop on the wire, else (a killed process left none) by
            // taking over the claim itself, older than any send: a second click finds neither (the claim taken over is
            // new). The claim is never given up in between (renewed, not released and claimed again): a follow-up pass
            // running meanwhile finds it held and sends nothing — the card goes out once, from this click.
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var held = claims.FirstOrDefault(c => c.Kind == card.Kind && AadObjectIds.Same(c.RecipientAadObjectId, approver));
            bool underHeldClaim;
            if (await store.ForgetRemindersAsync(application.Id, [card.OnTheWireKind], approver, cancellationToken).ConfigureAwait(false) > 0)
            {
                underHeldClaim = held is not null
                    && await store.TryRenewClaimAsync(application.Id, held.Kind, held.RecipientAadObjectId, held.SentAt, cancellationToken).ConfigureAwait(false);
            }
            else if (await TakeOldClaimAsync(application, card, held, cancellationToken).ConfigureAwait(false))
            {
                underHeldClaim = true;
            }
            else
            {
                continue;
            }

            refresh ??= await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
            var texts = await notifier.TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
            delivered = (delivered ?? true) & (underHeldClaim
                ? await notifier.SendWaitingCardUnderHeldClaimAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false)
                : await notifier.SendWaitingCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false));
        }

        return delivered switch
        {
            true => ExchangeRetryOutcome.Delivered,
            false => ExchangeRetryOutcome.StillFailing,
            null => ExchangeRetryOutcome.NotStuck,
        };
    }

    /// <summary>
    /// Takes the card claim of <paramref name="approver"/> that a killed process left (<see cref="OnTheWireAsync"/>): only
    /// when it is older than any send — a younger one is a send in progress, or the one a click before this one took to
    /// send the card again — and only one caller: taken over by a conditional update of its time (the version read), never
    /// released, so that the follow-up cannot claim it meanwhile.
    /// </summary>
    private async Task<bool> TakeOldClaimAsync(ExchangeApplication application, ExchangeDeliveryClaim card, ExchangeReminder? held, CancellationToken cancellationToken) =>
        held is not null && held.Kind == card.Kind
            && held.SentAt <= clock.Now - ExchangeDeliveryClaim.InFlightBound
            && await store.TryRenewClaimAsync(application.Id, held.Kind, held.RecipientAadObjectId, held.SentAt, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The step's approvers for whom its card was refused at each of its bounded tries (<see cref="ExchangeDeliveryClaim.RefusalsSpent"/>)
    /// and is not held (delivered or being sent): the follow-up no longer tries them.
    /// </summary>
    private static IReadOnlyList<string> Refused(ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims) =>
        RefusalsSpent(application, waitingFor, claims, ExchangeDeliveryClaim.Card(application), withCard: false);

    /// <summary>
    /// The step's approvers for whom <paramref name="message"/> was refused at each of its bounded tries and is not held
    /// (delivered or being sent) — only those who have the step's card when <paramref name="withCard"/>.
    /// </summary>
    private static IReadOnlyList<string> RefusalsSpent(
        ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims, ExchangeDeliveryClaim message, bool withCard)
    {
        if (!PendingStatuses.Contains(application.Status))
        {
            return [];
        }

        if (!claims.Any(c => c.Kind.StartsWith(message.RefusalPrefix!, StringComparison.Ordinal)))
        {
            return [];
        }

        var card = ExchangeDeliveryClaim.Card(application);
        return [.. waitingFor.Where(a => message.RefusalsSpent(claims, a) && !message.IsHeld(claims, a) && (!withCard || card.IsHeld(claims, a)))];
    }

    /// <summary>
    /// Retry now of a card refused at each of its tries: its refusals and failures forgotten, sent again — as the new card
    /// of the resubmission or reassignment ("submitted again", "… has assigned … to you") to an approver who had one, else
    /// as the step's card — under its claim (never twice). Refused again, it is counted afresh: the follow-up tries it with
    /// its growing wait, and lists it again once those tries are spent.
    /// </summary>
    private async Task<ExchangeRetryOutcome> RetryRefusedCardsAsync(ExchangeApplication application, IReadOnlyList<string> refused, CancellationToken cancellationToken)
    {
        var card = ExchangeDeliveryClaim.Card(application);
        var decision = (await store.AuditAsync(application.Id, cancellationToken).ConfigureAwait(false)).LastOrDefault(a => a.Version == application.Version);
        var alerts = decision is not null && decision.ToStatus == application.Status && ExchangeNotifier.AlertsApprovers(decision.Action, decision.FromStatus);
        var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        var delivered = true;
        foreach (var approver in refused)
        {
            await store.ForgetRemindersAsync(application.Id, [card.FailedPrefix, card.UnreachableKind, card.RefusalPrefix!], approver, cancellationToken).ConfigureAwait(false);
            var hadCard = sent.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, approver));
            var texts = await notifier.TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
            var sentNow = hadCard && alerts
                ? await notifier.SendNewCardAlertAsync(application, decision!, approver, refresh, cancellationToken).ConfigureAwait(false)
                : await notifier.SendWaitingCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false);
            if (sentNow)
            {
                // Their reminder, refused with the card: reminded as any approver is, that long after this card.
                await ForgetReminderRefusalsAsync(application, approver, cancellationToken).ConfigureAwait(false);
            }

            delivered &= sentNow;
        }

        return delivered ? ExchangeRetryOutcome.Delivered : ExchangeRetryOutcome.StillFailing;
    }

    /// <summary>
    /// Retry now of a message to the applicant refused at each of its tries: its refusals and failures forgotten — one
    /// "could not reach" kept, so that the follow-up knows it is owed — and sent again at once under its claim (never
    /// twice). Refused again, it is counted afresh: the follow-up tries it with its growing wait, and it is listed again
    /// once those tries are spent. Null when it is no longer owed: "nobody may decide" after the step's card reached an
    /// approver (in this click, or meanwhile) — the applicant gets "it has reached an approver" instead, never the other.
    /// </summary>
    private async Task<ExchangeRetryOutcome?> RetryApplicantNoticeAsync(
        ExchangeApplication application, IReadOnlyList<string> approversNow, ExchangeApplicantNotice notice, ExchangeDeliveryClaim claim, CancellationToken cancellationToken)
    {
        var applicant = application.ApplicantAadObjectId;
        string[] records = [claim.FailedPrefix, claim.UnreachableKind, claim.RefusalPrefix!];
        var waitingFor = notice == ExchangeApplicantNotice.NobodyMayDecide ? approversNow : [];
        if (waitingFor.Count > 0)
        {
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            if (CardReachedAnApprover(application, claims) || !waitingFor.All(a => ExchangeNotifier.IsUnreachable(application, claims, a, clock.Now)))
            {
                // Stale: an approver can be reached now. Forgotten, so that it is neither listed nor sent.
                await store.ForgetRemindersAsync(application.Id, records, applicant, cancellationToken).ConfigureAwait(false);
                return null;
            }
        }

        await store.ForgetRemindersAsync(application.Id, records, applicant, cancellationToken).ConfigureAwait(false);
        await store.TryClaimReminderAsync(application.Id, claim.UnreachableKind, applicant, cancellationToken).ConfigureAwait(false);
        switch (notice)
        {
            case ExchangeApplicantNotice.Status:
                await followUp.RetryNoticesAsync(application, cancellationToken).ConfigureAwait(false);
                break;
            case ExchangeApplicantNotice.NobodyMayDecide when waitingFor.Count == 0:
                await notifier.NoApproverAsync(application, cancellationToken, again: true).ConfigureAwait(false);
                break;
            case ExchangeApplicantNotice.NobodyMayDecide:
                await notifier.UnreachableApproversAsync(application, cancellationToken, again: true).ConfigureAwait(false);
                break;
            case ExchangeApplicantNotice.Reached:
                await notifier.TellReachedAsync(application, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await notifier.RequestReportAsync(application, cancellationToken).ConfigureAwait(false);
                break;
        }

        var after = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        return claim.IsHeld(after, applicant) ? ExchangeRetryOutcome.Delivered : ExchangeRetryOutcome.StillFailing;
    }

    /// <summary>
    /// The step's approvers who have its card (its claim held) and whose reminder was refused at each of its bounded
    /// tries (<see cref="ExchangeDeliveryClaim.RefusalsSpent"/>) and is not held (delivered or being sent): the follow-up
    /// no longer tries them. An approver without the card is listed for the card (refused, or reaching nobody), whose
    /// Retry now brings the reminder back with it (<see cref="ForgetReminderRefusalsAsync"/>).
    /// </summary>
    private static IReadOnlyList<string> NotReminded(ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims) =>
        RefusalsSpent(application, waitingFor, claims, ExchangeDeliveryClaim.Reminder(application), withCard: true);

    /// <summary>
    /// Retry now of the reminders refused at each of their tries: each one's refusals and failures forgotten and the
    /// reminder sent again at once under its claim (never twice), the card after it as a reminder does. Refused again, it
    /// is counted afresh: the follow-up tries it with its growing wait, and lists it again once those tries are spent.
    /// </summary>
    private async Task<ExchangeRetryOutcome> RetryRemindersAsync(ExchangeApplication application, IReadOnlyList<string> notReminded, CancellationToken cancellationToken)
    {
        var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        var delivered = true;
        foreach (var approver in notReminded)
        {
            await ForgetReminderRefusalsAsync(application, approver, cancellationToken).ConfigureAwait(false);
            delivered &= await notifier.RemindAsync(application, approver, refresh, cancellationToken).ConfigureAwait(false);
        }

        return delivered ? ExchangeRetryOutcome.Delivered : ExchangeRetryOutcome.StillFailing;
    }

    /// <summary>
    /// Forgets the failures and refusals of the step's reminder to <paramref name="approver"/>: tried again by Retry now, or
    /// — once Retry now delivered their card, refused with it before — reminded by the follow-up as any approver is, that
    /// long after the card.
    /// </summary>
    private async Task ForgetReminderRefusalsAsync(ExchangeApplication application, string approver, CancellationToken cancellationToken)
    {
        var reminder = ExchangeDeliveryClaim.Reminder(application);
        await store.ForgetRemindersAsync(application.Id, [reminder.FailedPrefix, reminder.UnreachableKind, reminder.RefusalPrefix!], approver, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The messages to the applicant of an open application — of its current step, and the closing-report request not
    /// yet delivered — that were refused at each of their bounded tries (<see cref="ExchangeDeliveryClaim.RefusalsSpent"/>)
    /// and are not held (delivered or being sent): the follow-up no longer tries them. A closed application's are given up
    /// and listed as such (<see cref="GivenUp"/>).
    /// </summary>
    private static IEnumerable<(ExchangeApplicantNotice Notice, ExchangeDeliveryClaim Claim)> ApplicantNotReached(
        ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims)
    {
        if (ExchangeDeliveryClaim.IsClosed(application))
        {
            return [];
        }

        var applicant = application.ApplicantAadObjectId;
        var notices = new List<(ExchangeApplicantNotice Notice, ExchangeDeliveryClaim Claim)>
        {
            (ExchangeApplicantNotice.Status, ExchangeDeliveryClaim.StatusNotice(application)),
            (ExchangeApplicantNotice.NobodyMayDecide, ExchangeDeliveryClaim.Stuck(application)),
            (ExchangeApplicantNotice.Reached, ExchangeDeliveryClaim.Reached(application)),
        };
        if (application.Status == ExchangeStatus.Approved && application.ReportRequestedAt is null)
        {
            notices.Add((ExchangeApplicantNotice.ReportRequest, ExchangeDeliveryClaim.ReportRequest));
        }

        // "Nobody may decide" once the step's card reached an approver is stale: not listed (Retry now forgets it).
        return notices.Where(n => n.Claim.RefusalsSpent(claims, applicant) && !n.Claim.IsHeld(claims, applicant) && !n.Claim.GaveUp(claims, applicant)
            && !(n.Notice == ExchangeApplicantNotice.NobodyMayDecide && CardReachedAnApprover(application, claims)));
    }

    /// <summary>
    /// Whether the step's card reached one of its approvers (or is being sent to one): its claim held by somebody. The
    /// applicant is then owed "it has reached an approver", never "nobody may decide" any more.
    /// </summary>
    private static bool CardReachedAnApprover(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims) =>
        claims.Any(c => c.Kind == ExchangeDeliveryClaim.Card(application).Kind);

    /// <summary>Nobody may decide the step; or its card reached none of its approvers, every delivery having failed.</summary>
    private async Task<ExchangeStuckReason?> PendingReasonAsync(
        ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims, CancellationToken cancellationToken)
    {
        if (waitingFor.Count == 0)
        {
            return ExchangeStuckReason.NoApprover;
        }

        var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (waitingFor.Any(a => sent.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, a))))
        {
            return null;
        }

        var card = ExchangeDeliveryClaim.Card(application);
        return waitingFor.All(a => card.FailedBefore(claims, a) && !card.IsHeld(claims, a)) ? ExchangeStuckReason.CardNotDelivered : null;
    }

    /// <summary>
    /// Whether the follow-up's late-card pass still tries the step's card that reached no approver: its tries not spent
    /// for one of the step's current approvers (<see cref="ExchangeDeliveryClaim.StillTried"/>, what that pass's
    /// <see cref="ExchangeDeliveryClaim.MayRetry"/> allows). Such a card is listed from its first failure: the list says
    /// the bot keeps trying it, and a click that tries nothing says it is queued; once the tries are spent for every one,
    /// it is no longer tried.
    /// </summary>
    private bool CardStillTried(ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims)
    {
        var card = ExchangeDeliveryClaim.Card(application);
        return waitingFor.Any(a => card.StillTried(claims, a, clock.Now));
    }

    /// <summary>
    /// Whether the step's card that reached no approver failed by refusals (not installed, blocked, 403/404) for every one
    /// of its approvers — the card then says so; otherwise Teams failed for one of them (5xx, timeouts), which the card says
    /// instead of blaming the approvers. Its tries spent: they ended by refusals for every one
    /// (<see cref="ExchangeDeliveryClaim.RefusalsSpent"/>), not by <see cref="ExchangeDeliveryClaim.Attempts"/> transient
    /// failures within <see cref="ExchangeDeliveryClaim.RetryWindow"/>; still tried (<paramref name="stillTried"/>): no
    /// delivery to any of them failed on Teams' side so far (<see cref="ExchangeDeliveryClaim.FailedTransiently"/>).
    /// </summary>
    private static bool CardRefused(ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims, bool stillTried)
    {
        var card = ExchangeDeliveryClaim.Card(application);
        return stillTried ? !waitingFor.Any(a => card.FailedTransiently(claims, a)) : waitingFor.All(a => card.RefusalsSpent(claims, a));
    }

    /// <summary>
    /// The messages of the application's current step still owed to somebody and tried by the follow-up's next passes —
    /// their delivery failed and they are neither delivered (nor being sent) nor given up: a notice, a card update, and on
    /// an open application the applicant's "nobody may decide", "reached an approver" and closing-report request and the
    /// approvers' reminders, as long as their tries are not spent (those are listed instead) — each kind once, queued.
    /// A reminder owed only to somebody who is no longer one of the step's approvers is not needed (the follow-up
    /// reminds the current approvers only, <see cref="ExchangeFollowUp.RunOnceAsync"/>), and said so.
    /// </summary>
    private List<ExchangeRetryPart> Owed(ExchangeApplication application, IReadOnlyList<string> waitingFor, IReadOnlyList<ExchangeReminder> claims)
    {
        var parts = new List<ExchangeRetryPart>();
        var closed = ExchangeDeliveryClaim.IsClosed(application);

        // Tried until given up (bounded): a closed application's status notice, the "withdrawn" notices, the card updates.
        var bounded = new List<(ExchangeStuckReason Problem, ExchangeDeliveryClaim Claim)>
        {
            (ExchangeStuckReason.WithdrawnNoticeGivenUp, ExchangeDeliveryClaim.WithdrawnNotice(application)),
            (ExchangeStuckReason.CardUpdateGivenUp, ExchangeDeliveryClaim.CardUpdate(application)),
        };
        if (closed)
        {
            bounded.Insert(0, (ExchangeStuckReason.StatusNoticeGivenUp, ExchangeDeliveryClaim.StatusNotice(application)));
        }

        parts.AddRange(bounded.Where(b => b.Claim.FailedRecipients(claims).Any(r => !b.Claim.IsHeld(claims, r) && !b.Claim.GaveUp(claims, r)))
            .Select(b => new ExchangeRetryPart(b.Problem, ExchangeRetryOutcome.AlreadyQueued)));
        if (closed)
        {
            return parts;
        }

        // An open application's messages to its applicant, tried while their tries are not spent (then listed instead);
        // "nobody may decide" not any more once the step's card reached an approver.
        var toApplicant = new List<(ExchangeApplicantNotice Notice, ExchangeDeliveryClaim Claim)>
        {
            (ExchangeApplicantNotice.Status, ExchangeDeliveryClaim.StatusNotice(application)),
            (ExchangeApplicantNotice.Reached, ExchangeDeliveryClaim.Reached(application)),
        };
        if (!CardReachedAnApprover(application, claims))
        {
            toApplicant.Add((ExchangeApplicantNotice.NobodyMayDecide, ExchangeDeliveryClaim.Stuck(application)));
        }

        if (application.Status == ExchangeStatus.Approved && application.ReportRequestedAt is null)
        {
            toApplicant.Add((ExchangeApplicantNotice.ReportRequest, ExchangeDeliveryClaim.ReportRequest));
        }

        parts.AddRange(toApplicant.Where(n => StillTried(n.Claim).Count > 0)
            .Select(n => new ExchangeRetryPart(ExchangeStuckReason.ApplicantNotReached, ExchangeRetryOutcome.AlreadyQueued) { Notice = n.Notice }));
        if (application.Status.AwaitsADecision() && StillTried(ExchangeDeliveryClaim.Reminder(application)) is { Count: > 0 } reminded)
        {
            if (reminded.Any(r => waitingFor.Contains(r, AadObjectIds.Comparer)))
            {
                parts.Add(new(ExchangeStuckReason.ApproverNotReminded, ExchangeRetryOutcome.AlreadyQueued));
            }

            if (reminded.Any(r => !waitingFor.Contains(r, AadObjectIds.Comparer)))
            {
                parts.Add(new(ExchangeStuckReason.ApproverNotReminded, ExchangeRetryOutcome.NotNeeded));
            }
        }

        return parts;

        List<string> StillTried(ExchangeDeliveryClaim claim) =>
            [.. claim.FailedRecipients(claims).Where(r => !claim.IsHeld(claims, r) && claim.StillTried(claims, r, clock.Now))];
    }

    /// <summary>The notices of the application's current version that the follow-up gave up, with to whom.</summary>
    private static IEnumerable<(ExchangeStuckReason Reason, ExchangeDeliveryClaim Claim, string Recipient)> GivenUp(
        ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims)
    {
        var notices = new[]
        {
            (Reason: ExchangeStuckReason.StatusNoticeGivenUp, Claim: ExchangeDeliveryClaim.StatusNotice(application)),
            (Reason: ExchangeStuckReason.WithdrawnNoticeGivenUp, Claim: ExchangeDeliveryClaim.WithdrawnNotice(application)),
            (Reason: ExchangeStuckReason.CardUpdateGivenUp, Claim: ExchangeDeliveryClaim.CardUpdate(application)),
        };
        return claims.SelectMany(c => notices.Where(n => c.Kind == n.Claim.GaveUpKind).Select(n => (n.Reason, n.Claim, c.RecipientAadObjectId)));
    }
}
