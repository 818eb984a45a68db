namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Decides, for a viewer and the application's current state, what they may see and do. The same rules authorize
/// the actions: a button that is not shown is also refused on the server.
/// </summary>
internal sealed class ExchangeViews(ExchangeApprovers approvers, ExchangeStore store, ExchangeClock clock)
{
    /// <summary>States the applicant may still withdraw from.</summary>
    public static readonly IReadOnlyList<ExchangeStatus> Withdrawable =
        [ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ChangesRequested, ExchangeStatus.Approved];

    public async Task<ExchangeView> ForAsync(ExchangeApplication application, string viewerAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var isApplicant = AadObjectIds.Same(application.ApplicantAadObjectId, viewerAadObjectId);
        var current = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        var candidates = await approvers.CandidatesAsync(application, cancellationToken).ConfigureAwait(false);
        var isCurrentApprover = !isApplicant && current.Contains(viewerAadObjectId, AadObjectIds.Comparer);
        var isVisitingManager = await approvers.IsVisitingManagerAsync(application, viewerAadObjectId, cancellationToken).ConfigureAwait(false);
        var canSee = isApplicant || isVisitingManager || approvers.IsCoordinator(viewerAadObjectId)
            || await IsInvolvedHostSideAsync(application, viewerAadObjectId, cancellationToken).ConfigureAwait(false);
        if (!canSee || (application.Status == ExchangeStatus.Draft && !isApplicant))
        {
            return ExchangeView.Nothing with { CanSee = canSee && application.Status != ExchangeStatus.Draft };
        }

        var pendingStage = application.Status is ExchangeStatus.Stage1 or ExchangeStatus.Stage2;
        return new ExchangeView(
            CanSee: true,
            CanDecide: pendingStage && isCurrentApprover,
            CanReassign: pendingStage && isCurrentApprover && candidates.Any(c => !AadObjectIds.Same(c, viewerAadObjectId)
                && !AadObjectIds.Same(c, application.ApplicantAadObjectId)),
            CanWithdraw: isApplicant && Withdrawable.Contains(application.Status)
                && (application.Status != ExchangeStatus.Approved || application.StartDate > clock.Today),
            CanEdit: isApplicant && application.Status is ExchangeStatus.Draft or ExchangeStatus.ChangesRequested,
            CanReport: isApplicant && application.Status == ExchangeStatus.Approved && application.EndDate < clock.Today,
            CanValidate: !isApplicant && application.Status == ExchangeStatus.ReportSubmitted && isCurrentApprover);
    }

    /// <summary>
    /// The host side (its contacts and managers) sees an application once the visiting side validated it — it reached
    /// stage 2 — and from then on, whatever came after (approved, rejected, sent back or withdrawn at stage 2, submitted
    /// again). Never before: one rejected, sent back or withdrawn at stage 1 never reached them, and a forged Refresh or
    /// Open of it shows nothing. The status says it for stage 2 and beyond; for the others (the same status can be
    /// reached at either stage) the audit does, read only for a host-side viewer — and the cards of it sent to the host
    /// side then: an application sent back may be given another host, which it has not reached (none of its people got a
    /// card of it) until the visiting side validates it again.
    /// </summary>
    private async Task<bool> IsInvolvedHostSideAsync(ExchangeApplication application, string viewerAadObjectId, CancellationToken cancellationToken)
    {
        if (application.Status == ExchangeStatus.Draft)
        {
            return false;
        }

        var hostSide = await approvers.HostSideAsync(application, cancellationToken).ConfigureAwait(false);
        if (!hostSide.Contains(viewerAadObjectId, AadObjectIds.Comparer))
        {
            return false;
        }

        return ExchangeStore.ValidatedStatuses.Contains(application.Status)
            || (await store.ReachedStage2Async(application.Id, cancellationToken).ConfigureAwait(false)
                && (await store.CardsAsync(application.Id, cancellationToken).ConfigureAwait(false)).Any(c => hostSide.Contains(c.RecipientAadObjectId, AadObjectIds.Comparer)));
    }
}
