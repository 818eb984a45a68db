namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// A message to the applicant of an open application that the follow-up stops trying once it was refused at each of its
/// bounded tries (<see cref="ExchangeDeliveryClaim.RefusalAttempts"/>, warning 2331): the coordinator's "stuck
/// applications" names which (<see cref="ExchangeStuckReason.ApplicantNotReached"/>), and its Retry now sends it again.
/// </summary>
internal enum ExchangeApplicantNotice
{
    /// <summary>The application's new status after somebody else's decision (<see cref="ExchangeDeliveryClaim.StatusNotice"/>), e.g. "changes requested".</summary>
    Status,

    /// <summary>That nobody may decide the step, or none of its approvers can be reached (<see cref="ExchangeDeliveryClaim.Stuck"/>).</summary>
    NobodyMayDecide,

    /// <summary>That the step's card reached an approver after all (<see cref="ExchangeDeliveryClaim.Reached"/>).</summary>
    Reached,

    /// <summary>The request for the closing report after the last day (<see cref="ExchangeDeliveryClaim.ReportRequest"/>).</summary>
    ReportRequest,
}
