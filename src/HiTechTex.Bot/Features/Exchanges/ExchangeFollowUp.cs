using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// One pass of the follow-up: sends the card to an approver of a pending step who has none (a manager configured, or a
/// host contact given a Teams identity, after the application reached the step — when nobody could decide it), reminds
/// each pending approver once per stage after <c>Exchanges:ReminderAfterDays</c>, and asks the applicant once for the
/// closing report after the last day. "Once" is decided in the database (<see cref="ExchangeStore.TryClaimReminderAsync"/>),
/// so a restart or two bot instances running the pass together send each message exactly once; a message whose delivery
/// failed gives its claim back and is tried again at the next passes, bounded (<see cref="ExchangeDeliveryClaim"/>) — also
/// the applicant's notice of a decision that could not be delivered in the decider's turn.
/// </summary>
internal sealed class ExchangeFollowUp(
    ExchangeStore store,
    ExchangeApprovers approvers,
    ExchangeNotifier notifier,
    ExchangeClock clock,
    IOptionsMonitor<ExchangeOptions> options,
    ILogger<ExchangeFollowUp> logger)
{
    public async Task<ExchangeFollowUpResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = clock.Now - TimeSpan.FromDays(options.CurrentValue.ReminderAfterDays);
        var cards = 0;
        var reminders = 0;
        foreach (var application in await store.ListAsync([ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ReportSubmitted], cancellationToken).ConfigureAwait(false))
        {
            // Never the applicant, who may manage their own organisation (ExchangeApprovers).
            var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
            if (waitingFor.Count == 0)
            {
                // Nobody may decide the step, and telling the applicant so failed in the turn that brought it there (or at
                // an earlier pass): tried again, bounded as the cards (an applicant unreachable at all, at every pass).
                var stuck = ExchangeDeliveryClaim.Stuck(application);
                var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
                if (stuck.FailedBefore(claims, application.ApplicantAadObjectId) && !stuck.IsHeld(claims, application.ApplicantAadObjectId))
                {
                    await notifier.NoApproverAsync(application, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string>? refresh = null;
            IReadOnlyList<ExchangeReminder>? claimedBefore = null;
            var delivered = 0;
            var reachedDue = false;
            var withoutCard = waitingFor.Where(a => !sent.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, a))).ToList();
            foreach (var approver in withoutCard)
            {
                claimedBefore ??= await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
                if (!ExchangeNotifier.MayRetry(application, claimedBefore, approver, clock.Now))
                {
                    // Transient failures for a day, or too many: no more tries (the reminder still sends the card later).
                    continue;
                }

                if (!reachedDue && ToldStuck(application, claimedBefore))
                {
                    // Owed the "reached an approver" notice once this card goes out: recorded first, so that a process
                    // stopped between the card and the notice leaves the follow-up's next pass something to find.
                    await store.TryClaimReminderAsync(application.Id, ExchangeDeliveryClaim.ReachedDueKind(application), application.ApplicantAadObjectId, cancellationToken)
                        .ConfigureAwait(false);
                    reachedDue = true;
                }

                refresh ??= await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
                var texts = await notifier.TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
                if (await notifier.SendWaitingCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false))
                {
                    Log.LateApproverCard(logger, application.Reference, application.Status.ToString(), approver);
                    cards++;
                    delivered++;
                }
            }

            if (delivered > 0 && claimedBefore is not null)
            {
                await TellApplicantItReachedAnApproverAsync(application, claimedBefore, cancellationToken).ConfigureAwait(false);
            }
            else if (withoutCard.Count < waitingFor.Count)
            {
                // The step's card reached an approver in an earlier pass, but telling the applicant failed — or the process
                // stopped between the card and the notice (owed, recorded before the card): tried again (bounded).
                var reached = ExchangeDeliveryClaim.Reached(application);
                var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
                var owed = reached.FailedBefore(claims, application.ApplicantAadObjectId)
                    || claims.Any(c => c.Kind == ExchangeDeliveryClaim.ReachedDueKind(application));
                if (owed && !reached.IsHeld(claims, application.ApplicantAadObjectId)
                    && await notifier.TellReachedAsync(application, cancellationToken).ConfigureAwait(false))
                {
                    Log.ApplicantToldReached(logger, application.Reference, application.Status.ToString());
                }
            }
            else if (withoutCard.Count == waitingFor.Count)
            {
                // The step's card reached none of its approvers: once none can be reached (the bot not installed for
                // them, or failing for a day), the applicant is told whom to contact — once per step.
                var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
                if (waitingFor.All(a => ExchangeNotifier.IsUnreachable(application, claims, a, clock.Now)))
                {
                    await notifier.UnreachableApproversAsync(application, cancellationToken).ConfigureAwait(false);
                }
            }

            if (application.StatusChangedAt > due)
            {
                continue;
            }

            // An approver whose card came later than the step (above, or in an earlier pass) is reminded that long after it.
            var cardKind = ExchangeNotifier.WaitingCardKind(application);
            var claimed = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var kind = ExchangeDeliveryClaim.Reminder(application).Kind;
            foreach (var approver in waitingFor)
            {
                // Reminded already (the claim stays once delivered), or the card came less than the delay ago.
                if (claimed.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, approver)
                    && (c.Kind == kind || (c.Kind == cardKind && c.SentAt > due))))
                {
                    continue;
                }

                refresh ??= await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
                if (!await notifier.RemindAsync(application, approver, refresh, cancellationToken).ConfigureAwait(false))
                {
                    // Not delivered: the claim was given back, the next pass tries again (bounded).
                    continue;
                }

                reminders++;
            }
        }

        var reports = 0;
        foreach (var application in await store.ListAsync([ExchangeStatus.Approved], cancellationToken).ConfigureAwait(false))
        {
            if (application.EndDate is not { } end || end >= clock.Today || application.ReportRequestedAt is not null
                || !await notifier.RequestReportAsync(application, cancellationToken).ConfigureAwait(false))
            {
                // Asked already, or not delivered (the claim given back: the next pass tries again, bounded).
                continue;
            }

            reports++;
        }

        // A decision's notice to the applicant, or a withdrawal's to an approver, that could not be delivered in the
        // decider's turn (or at an earlier pass).
        foreach (var application in await store.WithUndeliveredNoticesAsync(cancellationToken).ConfigureAwait(false))
        {
            await RetryNoticesAsync(application, cancellationToken).ConfigureAwait(false);
        }

        // An applicant's notice whose process was killed mid-send (its sending mark left, older than any send): recorded
        // as stopped on the wire, so that the next loop sends it once more.
        foreach (var application in await store.WithRecordAsync(ExchangeDeliveryClaim.InFlightPrefix, cancellationToken).ConfigureAwait(false))
        {
            await ResendKilledMidSendAsync(application, cancellationToken).ConfigureAwait(false);
        }

        // A notice or reminder whose send a restart stopped on the wire (it may not have arrived): sent once more.
        foreach (var application in await store.WithRecordAsync(ExchangeDeliveryClaim.OnTheWirePrefix, cancellationToken).ConfigureAwait(false))
        {
            await ResendStoppedOnTheWireAsync(application, cancellationToken).ConfigureAwait(false);
        }

        if (cards + reminders + reports > 0)
        {
            Log.FollowUpRan(logger, cards, reminders, reports);
        }

        return new ExchangeFollowUpResult(cards, reminders, reports);
    }

    /// <summary>
    /// Tries again the application's notices whose delivery failed: the status notice of its current version to the
    /// applicant, the withdrawal notice to each approver it failed for, and the update of the cards of whoever's failed. An open application's are tried as the cards
    /// (a refused one with a growing wait, a bounded number of times: warning 2331); a closed one's (<see cref="ExchangeDeliveryClaim.IsClosed"/>) a bounded
    /// number of times and then given up (warning 2324). Once every notice of a closed application is delivered or given
    /// up, it is marked settled and never looked at again.
    /// </summary>
    public async Task RetryNoticesAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var closed = ExchangeDeliveryClaim.IsClosed(application);
        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var unsettled = false;
        var applicant = application.ApplicantAadObjectId;

        // The turn that made the transition stopped before sending its notices (ExchangeDeliveryClaim.NoticesDue): each
        // one not claimed yet is owed as if it had failed. A younger record may be that turn still sending: left to it.
        var dueKind = ExchangeDeliveryClaim.NoticesDue(application);
        var dueRecords = claims.Where(c => c.Kind == dueKind).ToList();
        var aborted = dueRecords.Count > 0 && dueRecords.All(c => c.SentAt <= clock.Now - ExchangeDeliveryClaim.InFlightBound);
        unsettled |= dueRecords.Count > 0 && !aborted;
        var decision = (await store.AuditAsync(application.Id, cancellationToken).ConfigureAwait(false)).LastOrDefault(a => a.Version == application.Version);
        var sentCards = aborted ? await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false) : [];
        if (aborted)
        {
            Log.AbortedTurnNotices(logger, application.Reference, application.Status.ToString());
        }

        var notice = ExchangeDeliveryClaim.StatusNotice(application);
        var noticeOwed = notice.FailedBefore(claims, applicant)
            || (aborted && decision is not null && decision.FromStatus != decision.ToStatus);
        if (noticeOwed && !notice.IsHeld(claims, applicant) && !notice.GaveUp(claims, applicant))
        {
            // Not delivered yet (a notice of an earlier status is not sent: the applicant is told the later one).
            if (decision is not null && !AadObjectIds.Same(decision.ActorAadObjectId, applicant))
            {
                unsettled |= !await RetryAsync(application, notice, applicant, "status notice", claims,
                    ct => notifier.NotifyStatusAsync(application, decision.ActorName, decision.Comment, ct), cancellationToken).ConfigureAwait(false);
            }
        }

        // "Nobody may decide it" (no approver configured, or only the applicant): the turn that brought the application to
        // the step stopped before telling the applicant, and the late-card pass tries that notice again only after a
        // failed delivery. Sent now under its claim, so never twice — not after the turn sent it, nor alongside another
        // pass; the operator's warning (2307/2323) comes with its first try.
        if (aborted && application.Status.AwaitsADecision())
        {
            var stuck = ExchangeDeliveryClaim.Stuck(application);
            if (!stuck.IsHeld(claims, applicant) && !stuck.FailedBefore(claims, applicant)
                && (await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                await notifier.NoApproverAsync(application, cancellationToken).ConfigureAwait(false);
            }
        }

        // A resubmission's or reassignment's new card to the approvers who had a card (Teams alerts nobody about an edited
        // card): owed when the turn stopped before sending it, or when its delivery failed; sent under the step's card
        // claim, so never twice (a card the turn sent keeps its claim). An approver with no card at all gets the step's
        // card from the late-card pass.
        if (decision is not null && decision.ToStatus == application.Status && ExchangeNotifier.AlertsApprovers(decision.Action, decision.FromStatus)
            && application.Status.AwaitsADecision())
        {
            var card = ExchangeDeliveryClaim.Card(application);
            var hadCards = aborted ? sentCards : await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string>? refresh = null;
            foreach (var approver in await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false))
            {
                if (!hadCards.Any(c => AadObjectIds.Same(c.RecipientAadObjectId, approver))
                    || card.IsHeld(claims, approver) || !(aborted || card.FailedBefore(claims, approver)) || !card.MayRetry(claims, approver, clock.Now))
                {
                    continue;
                }

                refresh ??= await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
                if (await notifier.SendNewCardAlertAsync(application, decision, approver, refresh, cancellationToken).ConfigureAwait(false))
                {
                    Log.NewCardAlertRecovered(logger, application.Reference, application.Status.ToString(), approver);
                }
            }
        }

        var withdrawn = ExchangeDeliveryClaim.WithdrawnNotice(application);
        if (application.Status == ExchangeStatus.Withdrawn)
        {
            // After an aborted withdrawal of a submitted application: every approver who had its card.
            IEnumerable<string> owedWithdrawn = withdrawn.FailedRecipients(claims);
            if (aborted && decision is { FromStatus: not ExchangeStatus.Draft })
            {
                owedWithdrawn = owedWithdrawn.Concat(sentCards.Select(c => c.RecipientAadObjectId)
                    .Where(r => !AadObjectIds.Same(r, applicant)));
            }

            foreach (var recipient in owedWithdrawn.Distinct(AadObjectIds.Comparer).Where(r => !withdrawn.IsHeld(claims, r) && !withdrawn.GaveUp(claims, r)))
            {
                unsettled |= !await RetryAsync(application, withdrawn, recipient, "withdrawal notice", claims,
                    ct => notifier.TellWithdrawnAsync(application, recipient, ct), cancellationToken).ConfigureAwait(false);
            }
        }

        // The update of somebody's card after the transition (the decided or withdrawn application still offering
        // Approve/Reject), which failed in a way that may pass: once more (bounded; a PUT only replaces the card).
        var update = ExchangeDeliveryClaim.CardUpdate(application);
        var notUpdated = update.FailedRecipients(claims).Concat(sentCards.Select(c => c.RecipientAadObjectId))
            .Distinct(AadObjectIds.Comparer).Where(r => !update.IsHeld(claims, r) && !update.GaveUp(claims, r)).ToList();
        if (notUpdated.Count > 0)
        {
            var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
            foreach (var recipient in notUpdated)
            {
                IReadOnlyList<ExchangeCardReference> theirs = [.. sent.Where(c => AadObjectIds.Same(c.RecipientAadObjectId, recipient))];
                if (theirs.Count == 0)
                {
                    // No card of theirs on record any more: nothing to update.
                    continue;
                }

                unsettled |= !await RetryAsync(application, update, recipient, "card update", claims,
                    ct => notifier.UpdateCardsAsync(application, recipient, theirs, refresh, ct), cancellationToken).ConfigureAwait(false);
            }
        }

        if (aborted)
        {
            // Each owed notice is now sent or has its own failure record (tried again as those are): no longer owed as a whole.
            await store.ForgetRemindersAsync(application.Id, [dueKind], null, cancellationToken).ConfigureAwait(false);
        }

        if (closed && !unsettled)
        {
            // Delivered or given up, every one: nothing can change for a closed application, so it is not looked at again.
            await store.TryClaimReminderAsync(application.Id, ExchangeDeliveryClaim.SettledKind, applicant, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The applicant's notices whose sending mark (<see cref="ExchangeDeliveryClaim.InFlightKind"/>) is older than any
    /// send: their process was killed mid-send, and the held claim looks delivered though the notice may not have arrived.
    /// Each mark is taken exactly once (two passes or instances: one); with its claim held, the notice is recorded as
    /// stopped on the wire — sent once more by <see cref="ResendStoppedOnTheWireAsync"/>, which also drops it when the
    /// application has moved on; with no claim (killed before claiming), nothing was sent and the mark is only removed.
    /// </summary>
    internal async Task ResendKilledMidSendAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        foreach (var mark in claims.Where(c => c.Kind.StartsWith(ExchangeDeliveryClaim.InFlightPrefix, StringComparison.Ordinal)
            && c.SentAt <= clock.Now - ExchangeDeliveryClaim.InFlightBound))
        {
            var kind = mark.Kind[ExchangeDeliveryClaim.InFlightPrefix.Length..];
            var recipient = mark.RecipientAadObjectId;
            if (!await store.TryTakeRecordAsync(application.Id, mark.Kind, recipient, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!claims.Any(c => c.Kind == kind && AadObjectIds.Same(c.RecipientAadObjectId, recipient)))
            {
                // Killed after the mark, before the claim: nothing was sent. Said, so that an operator looking for a lost
                // notice sees the process stopped there; the notice is owed as before (a failure record, or the aborted
                // turn's record, 2330, brings it).
                Log.MarkWithoutClaimRemoved(logger, application.Reference, kind, recipient, mark.SentAt);
                continue;
            }

            Log.KilledMidSend(logger, application.Reference, kind, recipient, mark.SentAt);
            await store.TryClaimReminderAsync(application.Id, ExchangeDeliveryClaim.OnTheWirePrefix + kind, recipient, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The notices and reminders of the application whose send a restart stopped with the message on the wire
    /// (<see cref="ExchangeDeliveryClaim.OnTheWireKind"/>, warning 2327): each may not have arrived, and its claim, held,
    /// kept it from being sent again. Each is sent once more (information 2398): a second copy of a plain message is less
    /// harm than none — the applicant not knowing of a decision (changes requested waits for them) or that nobody may
    /// decide, an approver not reminded or not told of a withdrawal. The record is taken first (exactly one pass or
    /// instance takes it), then the claim given back and the message sent as by the turn, under its claim: a failure is
    /// then tried again as any failed delivery. A record of an earlier step (the application moved on: that news is
    /// stale, the later one was sent) is dropped. An approval card stopped so is the coordinator's to resend, from
    /// "stuck applications" (an approver with two live cards of one step), and is left alone here.
    /// </summary>
    internal async Task ResendStoppedOnTheWireAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var cardRecord = ExchangeDeliveryClaim.OnTheWirePrefix + "card:";
        var pending = application.Status.AwaitsADecision();
        foreach (var record in claims.Where(c => c.Kind.StartsWith(ExchangeDeliveryClaim.OnTheWirePrefix, StringComparison.Ordinal)
            && !(pending && c.Kind == ExchangeDeliveryClaim.Card(application).OnTheWireKind)))
        {
            var recipient = record.RecipientAadObjectId;
            var kind = record.Kind[ExchangeDeliveryClaim.OnTheWirePrefix.Length..];

            // An approval card of a step the application has left: nothing to list any more (dropped below, so that the
            // application is not looked at again for it).
            var (claim, what, resend) = record.Kind.StartsWith(cardRecord, StringComparison.Ordinal)
                ? (null, "", null)
                : await StoppedNoticeAsync(application, kind, recipient, cancellationToken).ConfigureAwait(false);
            if (!await store.TryTakeRecordAsync(application.Id, record.Kind, recipient, cancellationToken).ConfigureAwait(false) || claim is null || resend is null)
            {
                // Taken by another pass or instance, or stale: nothing sent.
                continue;
            }

            Log.StoppedNoticeResent(logger, application.Reference, what, recipient);
            await store.ReleaseReminderAsync(application.Id, claim.Kind, recipient, cancellationToken).ConfigureAwait(false);
            await resend(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a notice or reminder stopped on the wire was (its claim's <paramref name="kind"/>), and how to send it once
    /// more; no claim when it is not one of the application's current step (stale) or no longer owed.
    /// </summary>
    private async Task<(ExchangeDeliveryClaim? Claim, string What, Func<CancellationToken, Task>? Resend)> StoppedNoticeAsync(
        ExchangeApplication application, string kind, string recipient, CancellationToken cancellationToken)
    {
        if (kind == ExchangeDeliveryClaim.StatusNotice(application).Kind)
        {
            var decision = (await store.AuditAsync(application.Id, cancellationToken).ConfigureAwait(false)).LastOrDefault(a => a.Version == application.Version);
            return decision is null
                ? (null, "", null)
                : (ExchangeDeliveryClaim.StatusNotice(application), "status notice", ct => notifier.NotifyStatusAsync(application, decision.ActorName, decision.Comment, ct));
        }

        if (kind == ExchangeDeliveryClaim.WithdrawnNotice(application).Kind)
        {
            return (ExchangeDeliveryClaim.WithdrawnNotice(application), "withdrawal notice", ct => notifier.TellWithdrawnAsync(application, recipient, ct));
        }

        if (kind == ExchangeDeliveryClaim.Reached(application).Kind)
        {
            return (ExchangeDeliveryClaim.Reached(application), "reached-an-approver notice", ct => notifier.TellReachedAsync(application, ct));
        }

        if (!application.Status.AwaitsADecision())
        {
            return (null, "", null);
        }

        var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        if (kind == ExchangeDeliveryClaim.Reminder(application).Kind)
        {
            // Still one of the step's approvers (a reassignment makes a new step: stale above).
            return waitingFor.Contains(recipient, AadObjectIds.Comparer)
                ? (ExchangeDeliveryClaim.Reminder(application), "reminder", async ct =>
                    await notifier.RemindAsync(application, recipient, await notifier.RefreshUserIdsAsync(application, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
                : (null, "", null);
        }

        if (kind == ExchangeDeliveryClaim.Stuck(application).Kind)
        {
            if (waitingFor.Count == 0)
            {
                return (ExchangeDeliveryClaim.Stuck(application), "no-approver notice", ct => notifier.NoApproverAsync(application, ct, again: true));
            }

            // Nobody reachable still: that notice once more. An approver reached meanwhile: the applicant gets "it has now
            // reached an approver", which the held claim of this notice is the record for — left as it is. (Read again:
            // the records taken and claims given back for the messages before this one count.)
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            return waitingFor.All(a => ExchangeNotifier.IsUnreachable(application, claims, a, clock.Now))
                ? (ExchangeDeliveryClaim.Stuck(application), "no-approver-reachable notice", ct => notifier.UnreachableApproversAsync(application, ct, again: true))
                : (null, "", null);
        }

        return (null, "", null);
    }

    /// <summary>
    /// One more try of a notice whose delivery failed before; true when it is settled (delivered now, or given up: a
    /// closed application's notice whose bounded attempts are spent).
    /// </summary>
    private async Task<bool> RetryAsync(
        ExchangeApplication application, ExchangeDeliveryClaim claim, string recipient, string what, IReadOnlyList<ExchangeReminder> claims,
        Func<CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        // A card update is given up after its bounded tries whatever the status (a decision that moved the application
        // on, too), so that the coordinator's "stuck applications" lists the card that may still offer Approve/Reject.
        var bounded = ExchangeDeliveryClaim.IsClosed(application) || claim == ExchangeDeliveryClaim.CardUpdate(application);
        if (claim.MayRetry(claims, recipient, clock.Now))
        {
            if (await send(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (!bounded
                || claim.MayRetry(await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false), recipient, clock.Now))
            {
                return false;
            }
        }
        else if (!bounded)
        {
            // An open application's notice past its transient limit: left (a later decision brings a new notice).
            return false;
        }

        await notifier.GiveUpAsync(application, claim, recipient, what, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Whether the applicant was told nobody could decide the application's step (recorded then; before that record
    /// existed, a step with no card claimed for anybody was one), so that the card's first delivery is news for them.
    /// </summary>
    private static bool ToldStuck(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claimedBefore)
    {
        var stuck = ExchangeNotifier.StuckKind(application);
        var card = ExchangeDeliveryClaim.Card(application);
        // A step whose card failed to reach an approver (then tried again) was not one the applicant was told about.
        return claimedBefore.Any(c => c.Kind == stuck)
            || !claimedBefore.Any(c => c.Kind == card.Kind || c.Kind.StartsWith(card.FailedPrefix, StringComparison.Ordinal) || c.Kind == card.UnreachableKind);
    }

    /// <summary>
    /// The card of the step just reached an approver for the first time. An applicant who was told that nobody could
    /// decide it (recorded then; before that record existed, a step with no card claimed for anybody was one) is told
    /// it has now reached an approver — once per step, across passes and instances (claimed).
    /// </summary>
    private async Task TellApplicantItReachedAnApproverAsync(
        ExchangeApplication application, IReadOnlyList<ExchangeReminder> claimedBefore, CancellationToken cancellationToken)
    {
        if (ToldStuck(application, claimedBefore) && await notifier.TellReachedAsync(application, cancellationToken).ConfigureAwait(false))
        {
            Log.ApplicantToldReached(logger, application.Reference, application.Status.ToString());
        }
    }
}
