namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>What a person did to an application (audit entries, card verbs).</summary>
internal enum ExchangeAction
{
    Created,
    Saved,
    Submitted,
    Approved,
    Rejected,
    ChangesRequested,
    Reassigned,
    Withdrawn,
    ReportSubmitted,
    ReportValidated,
    ReportReturned,
}
