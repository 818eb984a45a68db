namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Decides, for a viewer and the application's current state, what they may see and do. The same rules authorize
/// the actions: a button that is not shown is also refused on the server.
/// </summary>
internal sealed class ExchangeViews(ExchangeApprovers approvers, ExchangeClock clock)
{
    /// <summary>States the applicant may still withdraw from.</summary>
    public static readonly IReadOnlyList<ExchangeStatus> Withdrawable =
        [ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ChangesRequested, ExchangeStatus.Approved];

    public async Task<ExchangeView> ForAsync(ExchangeApplication application, string viewerAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var isApplicant = string.Equals(application.ApplicantAadObjectId, viewerAadObjectId, StringComparison.OrdinalIgnoreCase);
        var current = await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false);
        var candidates = await approvers.CandidatesAsync(application, cancellationToken).ConfigureAwait(false);
        var isCurrentApprover = !isApplicant && current.Contains(viewerAadObjectId, StringComparer.OrdinalIgnoreCase);
        var isVisitingManager = await approvers.IsVisitingManagerAsync(application, viewerAadObjectId, cancellationToken).ConfigureAwait(false);
        var isHostSide = application.Status is not (ExchangeStatus.Draft or ExchangeStatus.Stage1)
            && await approvers.IsHostSideAsync(application, viewerAadObjectId, cancellationToken).ConfigureAwait(false);
        var canSee = isApplicant || isVisitingManager || isHostSide || approvers.IsCoordinator(viewerAadObjectId);
        if (!canSee || (application.Status == ExchangeStatus.Draft && !isApplicant))
        {
            return ExchangeView.Nothing with { CanSee = canSee && application.Status != ExchangeStatus.Draft };
        }

        var pendingStage = application.Status is ExchangeStatus.Stage1 or ExchangeStatus.Stage2;
        return new ExchangeView(
            CanSee: true,
            CanDecide: pendingStage && isCurrentApprover,
            CanReassign: pendingStage && isCurrentApprover && candidates.Any(c => !string.Equals(c, viewerAadObjectId, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(c, application.ApplicantAadObjectId, StringComparison.OrdinalIgnoreCase)),
            CanWithdraw: isApplicant && Withdrawable.Contains(application.Status)
                && (application.Status != ExchangeStatus.Approved || application.StartDate > clock.Today),
            CanEdit: isApplicant && application.Status is ExchangeStatus.Draft or ExchangeStatus.ChangesRequested,
            CanReport: isApplicant && application.Status == ExchangeStatus.Approved && application.EndDate < clock.Today,
            CanValidate: !isApplicant && application.Status == ExchangeStatus.ReportSubmitted && isCurrentApprover);
    }
}
