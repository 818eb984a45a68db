namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// Progress toward the target: completed (closing report validated), approved (not yet completed) and pending
/// (submitted, in approval or report), each exchange counted once, toward the visiting side.
/// </summary>
internal sealed record ExchangeProgress(
    int Target,
    int Completed,
    int Approved,
    int Pending,
    IReadOnlyList<ExchangeProgressRow> ByPartner,
    IReadOnlyList<ExchangeProgressRow> ByCountryPair,
    IReadOnlyList<ExchangeProgressRow> ByActivityType);
