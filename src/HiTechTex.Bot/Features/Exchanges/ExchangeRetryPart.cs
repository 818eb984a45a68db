namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// One problem of a stuck application that a click of "Retry now" tried (<see cref="ExchangeStuckApplications.RetryAsync"/>),
/// and how that try went: one click tries every problem listed for the application, and the coordinator is answered
/// with one message that says how each went. A click that tries nothing (its button used already, or nothing listed any
/// more) is answered likewise with where each kind still owed stands.
/// </summary>
/// <param name="Problem">What was stuck, as the list showed it.</param>
/// <param name="Outcome">
/// Delivered, still failing (the follow-up goes on trying), or refused again (listed again); for a click that tried
/// nothing: queued (<see cref="ExchangeRetryOutcome.AlreadyQueued"/>), no longer tried (<see cref="ExchangeRetryOutcome.AlreadyRetried"/>),
/// not needed (<see cref="ExchangeRetryOutcome.NotNeeded"/>) or nobody may decide (<see cref="ExchangeRetryOutcome.NeedsApprover"/>).
/// </param>
internal sealed record ExchangeRetryPart(ExchangeStuckReason Problem, ExchangeRetryOutcome Outcome)
{
    /// <summary>For <see cref="ExchangeStuckReason.ApplicantNotReached"/>: which message to the applicant.</summary>
    public ExchangeApplicantNotice? Notice { get; init; }

    /// <summary>
    /// The outcome of a whole click: the parts' one outcome when they agree; else still failing when anything is (the
    /// follow-up goes on trying it), else refused (something stays listed).
    /// </summary>
    public static ExchangeRetryOutcome Overall(IReadOnlyList<ExchangeRetryPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Select(p => p.Outcome).Distinct().ToList() switch
        {
            [var only] => only,
            var mixed when mixed.Contains(ExchangeRetryOutcome.StillFailing) => ExchangeRetryOutcome.StillFailing,
            var mixed when mixed.Contains(ExchangeRetryOutcome.Refused) => ExchangeRetryOutcome.Refused,
            _ => ExchangeRetryOutcome.Delivered,
        };
    }
}
