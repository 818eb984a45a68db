namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// What a submission did (<see cref="ExchangeWorkflow.SubmitAsync"/>): the eligibility (no problems when submitted),
/// the application as it is now (null when it is not the actor's or is gone), and whether it was already submitted —
/// by this very submission's twin (a double click, a Teams retry, a second device) — so that the second click is told
/// so instead of "changed meanwhile".
/// </summary>
internal sealed record ExchangeSubmission(EligibilityResult Result, ExchangeApplication? Application, bool AlreadySubmitted = false)
{
    /// <summary>Not submitted: the applicant has no name to put on it (<see cref="ExchangeApplicantName"/>); nothing changed.</summary>
    public bool NameMissing { get; init; }

    public void Deconstruct(out EligibilityResult result, out ExchangeApplication? application)
    {
        result = Result;
        application = Application;
    }
}
