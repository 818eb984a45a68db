using System.Globalization;
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
                continue;
            }

            var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string>? refresh = null;
            IReadOnlyList<ExchangeReminder>? claimedBefore = null;
            var delivered = 0;
            var withoutCard = waitingFor.Where(a => !sent.Any(c => string.Equals(c.RecipientAadObjectId, a, StringComparison.OrdinalIgnoreCase))).ToList();
            foreach (var approver in withoutCard)
            {
                claimedBefore ??= await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
                if (!ExchangeNotifier.MayRetry(application, claimedBefore, approver, clock.Now))
                {
                    // Transient failures for a day, or too many: no more tries (the reminder still sends the card later).
                    continue;
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
                // The step's card reached an approver in an earlier pass, but telling the applicant failed: tried again (bounded).
                var reached = ExchangeDeliveryClaim.Reached(application);
                var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
                if (reached.FailedBefore(claims, application.ApplicantAadObjectId) && !claims.Any(c => c.Kind == reached.Kind)
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
                if (claimed.Any(c => string.Equals(c.RecipientAadObjectId, approver, StringComparison.OrdinalIgnoreCase)
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

        // A decision's notice to the applicant that could not be delivered in the decider's turn (or at an earlier pass).
        foreach (var application in await store.WithUndeliveredStatusNoticeAsync(cancellationToken).ConfigureAwait(false))
        {
            var notice = ExchangeDeliveryClaim.StatusNotice(application);
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            if (!notice.FailedBefore(claims, application.ApplicantAadObjectId) || claims.Any(c => c.Kind == notice.Kind))
            {
                // Delivered since, or a notice of an earlier status (the applicant was told the later one).
                continue;
            }

            var decision = (await store.AuditAsync(application.Id, cancellationToken).ConfigureAwait(false)).LastOrDefault(a => a.Version == application.Version);
            if (decision is not null && !string.Equals(decision.ActorAadObjectId, application.ApplicantAadObjectId, StringComparison.OrdinalIgnoreCase))
            {
                await notifier.NotifyStatusAsync(application, decision.ActorName, decision.Comment, cancellationToken).ConfigureAwait(false);
            }
        }

        if (cards + reminders + reports > 0)
        {
            Log.FollowUpRan(logger, cards, reminders, reports);
        }

        return new ExchangeFollowUpResult(cards, reminders, reports);
    }

    /// <summary>
    /// The card of the step just reached an approver for the first time. An applicant who was told that nobody could
    /// decide it (recorded then; before that record existed, a step with no card claimed for anybody was one) is told
    /// it has now reached an approver — once per step, across passes and instances (claimed).
    /// </summary>
    private async Task TellApplicantItReachedAnApproverAsync(
        ExchangeApplication application, IReadOnlyList<ExchangeReminder> claimedBefore, CancellationToken cancellationToken)
    {
        var stuck = ExchangeNotifier.StuckKind(application);
        var card = ExchangeDeliveryClaim.Card(application);
        // A step whose card failed to reach an approver (then tried again) was not one the applicant was told about.
        var toldStuck = claimedBefore.Any(c => c.Kind == stuck)
            || !claimedBefore.Any(c => c.Kind == card.Kind || c.Kind.StartsWith(card.FailedPrefix, StringComparison.Ordinal) || c.Kind == card.UnreachableKind);
        if (toldStuck && await notifier.TellReachedAsync(application, cancellationToken).ConfigureAwait(false))
        {
            Log.ApplicantToldReached(logger, application.Reference, application.Status.ToString());
        }
    }
}
