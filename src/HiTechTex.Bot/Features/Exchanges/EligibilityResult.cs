namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The outcome of the eligibility rules: every problem found (empty = eligible) and the figures behind them.</summary>
/// <param name="WorkingDays">Working days in the range (weekends and host-country holidays excluded); null without dates.</param>
/// <param name="DistanceKm">Great-circle distance between the two organisations; null without both.</param>
internal sealed record EligibilityResult(IReadOnlyList<EligibilityProblem> Problems, int? WorkingDays, double? DistanceKm)
{
    public bool IsEligible => Problems.Count == 0;

    /// <summary>The public holidays behind <see cref="EligibilityProblem.StartOnHoliday"/> and <see cref="EligibilityProblem.EndOnHoliday"/>, which their reasons name.</summary>
    public EligibilityHolidays Holidays { get; init; } = new(null, null);
}

/// <summary>The host country's public holiday on the first (<paramref name="Start"/>) or the last (<paramref name="End"/>) working day, if any.</summary>
internal sealed record EligibilityHolidays(PublicHoliday? Start, PublicHoliday? End);
