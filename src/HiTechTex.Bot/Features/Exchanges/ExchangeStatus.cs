namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Where an exchange application is in its life; stored as text so the database reads plainly.</summary>
internal enum ExchangeStatus
{
    /// <summary>Saved by the applicant, not yet submitted; counts for nothing.</summary>
    Draft,

    /// <summary>Submitted; waiting for the visiting side's cluster manager(s).</summary>
    Stage1,

    /// <summary>Approved by the visiting side; waiting for the host organisation's contact or the host cluster's manager.</summary>
    Stage2,

    /// <summary>Approved by both sides; the exchange may take place.</summary>
    Approved,

    Rejected,

    /// <summary>An approver asked for changes; the applicant edits and submits again (back to stage 1).</summary>
    ChangesRequested,

    Withdrawn,

    /// <summary>The applicant sent the closing report; waiting for the visiting side's manager to validate it.</summary>
    ReportSubmitted,

    /// <summary>Closing report validated: the exchange counts toward the target.</summary>
    Completed,
}

internal static class ExchangeStatusExtensions
{
    /// <summary>Whether an approver's decision is awaited: the two approval stages and the closing report's review.</summary>
    public static bool AwaitsADecision(this ExchangeStatus status) =>
        status is ExchangeStatus.Stage1 or ExchangeStatus.Stage2 or ExchangeStatus.ReportSubmitted;
}
