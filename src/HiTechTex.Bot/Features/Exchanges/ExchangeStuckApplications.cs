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
}

/// <summary>
/// One line of the coordinator's "stuck applications" card; <paramref name="Recipients"/>: who was not reached (Entra ids;
/// the approvers of a card that reached none, the recipients of a given-up notice), whom the card names so that the
/// coordinator knows whom to tell.
/// </summary>
/// <paramref name="Refused"/>: for a given-up notice, whether its last delivery was refused (no conversation with the
/// bot, blocked, 403/404) rather than the service failing (5xx, timeouts) — which the card says, so that a notice given
/// up after Teams kept failing is not blamed on a block.
internal sealed record ExchangeStuckEntry(ExchangeApplication Application, ExchangeStuckReason Reason, IReadOnlyList<string>? Recipients = null, bool Refused = false)
{
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
    /// Not given up (any more) but still owed: an earlier "Retry now" re-queued it and that try failed too; the
    /// follow-up's next passes try again (bounded) and list it again should they give up. Nothing changed.
    /// </summary>
    AlreadyQueued,

    /// <summary>Nobody may decide it: nothing to retry until an approver is configured. Nothing changed.</summary>
    NeedsApprover,
}

/// <summary>
/// The programme coordinator's view of what the follow-up cannot get through: applications whose approval card never
/// reached any approver of their step, or whose notice it gave up (<see cref="ExchangeDeliveryClaim.GaveUpKind"/>), and
/// the "Retry now" that forgets those failures and tries once more at once (the claims keep it to one delivery, so a
/// double click sends nothing twice). Who may use it is checked by the caller (<see cref="ExchangeApprovers.IsCoordinator"/>).
/// </summary>
internal sealed class ExchangeStuckApplications(
    ExchangeStore store, ExchangeApprovers approvers, ExchangeNotifier notifier, ExchangeFollowUp followUp)
{
    private static readonly ExchangeStatus[] PendingStatuses = [ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ReportSubmitted];

    public async Task<IReadOnlyList<ExchangeStuckEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = new List<ExchangeStuckEntry>();
        foreach (var application in await store.ListAsync(PendingStatuses, cancellationToken).ConfigureAwait(false))
        {
            if (await PendingReasonAsync(application, cancellationToken).ConfigureAwait(false) is { } reason)
            {
                var notReached = reason == ExchangeStuckReason.CardNotDelivered
                    ? await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false)
                    : null;
                entries.Add(new(application, reason, notReached is null ? null : [.. notReached]));
            }
        }

        foreach (var application in await store.WithRecordAsync(ExchangeDeliveryClaim.GaveUpPrefix, cancellationToken).ConfigureAwait(false))
        {
            var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
            entries.AddRange(GivenUp(application, claims).GroupBy(g => (g.Reason, Refused: g.Claim.WasRefused(claims, g.Recipient)))
                .OrderBy(g => g.Key.Reason).ThenByDescending(g => g.Key.Refused)
                .Select(g => new ExchangeStuckEntry(application, g.Key.Reason, [.. g.Select(n => n.Recipient).Distinct(StringComparer.OrdinalIgnoreCase)], g.Key.Refused)));
        }

        return entries;
    }

    /// <summary>
    /// "Retry now" on <paramref name="id"/>: forgets the failures that made it stuck and tries at once — the step's card
    /// to its approvers, or the given-up notices (which the follow-up then tries again, bounded, should this try fail).
    /// </summary>
    public async Task<(ExchangeApplication? Application, ExchangeRetryOutcome Outcome)> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var application = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return (null, ExchangeRetryOutcome.NotStuck);
        }

        var pending = PendingStatuses.Contains(application.Status) ? await PendingReasonAsync(application, cancellationToken).ConfigureAwait(false) : null;
        if (pending == ExchangeStuckReason.CardNotDelivered)
        {
            return (application, await RetryCardAsync(application, cancellationToken).ConfigureAwait(false));
        }

        if (pending == ExchangeStuckReason.NoApprover)
        {
            return (application, ExchangeRetryOutcome.NeedsApprover);
        }

        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var givenUp = GivenUp(application, claims).ToList();
        if (givenUp.Count == 0)
        {
            // A second click after a retry that failed again: still owed, already the follow-up's to try — said so, and
            // nothing sent now (a double click must not send twice).
            return (application, Owed(application, claims) ? ExchangeRetryOutcome.AlreadyQueued : ExchangeRetryOutcome.NotStuck);
        }

        foreach (var (_, claim, recipient) in givenUp)
        {
            // Tried afresh: the numbered failures and the record of giving up forgotten, one "could not reach" kept so
            // that the follow-up knows the notice is owed (it counts for no try).
            await store.ForgetRemindersAsync(application.Id, [claim.FailedPrefix, claim.UnreachableKind, claim.GaveUpKind, claim.RefusedKind], recipient, cancellationToken).ConfigureAwait(false);
            await store.TryClaimReminderAsync(application.Id, claim.UnreachableKind, recipient, cancellationToken).ConfigureAwait(false);
        }

        await store.ForgetRemindersAsync(application.Id, [ExchangeDeliveryClaim.SettledKind], null, cancellationToken).ConfigureAwait(false);
        await followUp.RetryNoticesAsync(application, cancellationToken).ConfigureAwait(false);
        var after = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        return (application, givenUp.All(g => g.Claim.IsHeld(after, g.Recipient)) ? ExchangeRetryOutcome.Delivered : ExchangeRetryOutcome.StillFailing);
    }

    private async Task<ExchangeRetryOutcome> RetryCardAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var card = ExchangeDeliveryClaim.Card(application);
        var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        await store.ForgetRemindersAsync(application.Id, [card.FailedPrefix, card.UnreachableKind], null, cancellationToken).ConfigureAwait(false);
        var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
        var delivered = false;
        foreach (var approver in waitingFor)
        {
            var texts = await notifier.TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
            delivered |= await notifier.SendWaitingCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Nobody may decide the step; or its card reached none of its approvers, every delivery having failed.</summary>
    private async Task<ExchangeStuckReason?> PendingReasonAsync(ExchangeApplication application, CancellationToken cancellationToken)
    {
        var waitingFor = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        if (waitingFor.Count == 0)
        {
            return ExchangeStuckReason.NoApprover;
        }

        var sent = await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false);
        if (waitingFor.Any(a => sent.Any(c => string.Equals(c.RecipientAadObjectId, a, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        var claims = await store.RemindersAsync(application.Id, cancellationToken).ConfigureAwait(false);
        var card = ExchangeDeliveryClaim.Card(application);
        return waitingFor.All(a => card.FailedBefore(claims, a) && !card.IsHeld(claims, a)) ? ExchangeStuckReason.CardNotDelivered : null;
    }

    /// <summary>
    /// Whether a notice of the application's current version is still owed to somebody — its delivery failed and it is
    /// neither delivered (nor being sent) nor given up — so that the follow-up's next pass tries it again.
    /// </summary>
    private static bool Owed(ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims)
    {
        var notices = new[] { ExchangeDeliveryClaim.StatusNotice(application), ExchangeDeliveryClaim.WithdrawnNotice(application) };
        return notices.Any(n => n.FailedRecipients(claims).Any(r => !n.IsHeld(claims, r) && !n.GaveUp(claims, r)));
    }

    /// <summary>The notices of the application's current version that the follow-up gave up, with to whom.</summary>
    private static IEnumerable<(ExchangeStuckReason Reason, ExchangeDeliveryClaim Claim, string Recipient)> GivenUp(
        ExchangeApplication application, IReadOnlyList<ExchangeReminder> claims)
    {
        var notices = new[]
        {
            (Reason: ExchangeStuckReason.StatusNoticeGivenUp, Claim: ExchangeDeliveryClaim.StatusNotice(application)),
            (Reason: ExchangeStuckReason.WithdrawnNoticeGivenUp, Claim: ExchangeDeliveryClaim.WithdrawnNotice(application)),
        };
        return claims.SelectMany(c => notices.Where(n => c.Kind == n.Claim.GaveUpKind).Select(n => (n.Reason, n.Claim, c.RecipientAadObjectId)));
    }
}
