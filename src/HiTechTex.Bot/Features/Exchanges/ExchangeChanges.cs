namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The fields a transition sets besides the status and version (null = leave as is).</summary>
internal sealed record ExchangeChanges
{
    public bool SetAssignedApprover { get; init; }

    public string? AssignedApprover { get; init; }

    public decimal? LumpSum { get; init; }

    /// <summary>The applicant's name as they are named now (a draft saved before they gave one keeps the older).</summary>
    public string? ApplicantName { get; init; }

    public string? ReportOutcomes { get; init; }

    public string? ReportEvidence { get; init; }

    public static ExchangeChanges None { get; } = new();
}
