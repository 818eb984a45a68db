namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The lump sum for travel and accommodation: the host country's cap, halved for a short or near stay.</summary>
/// <param name="Cap">The host country's cap in euros.</param>
/// <param name="Amount">What the exchange gets.</param>
/// <param name="FullWorkingDays">The working days from which the full cap is paid (configured: <c>Exchanges:FullLumpSumWorkingDays</c>).</param>
/// <param name="FullDistanceKm">The distance from which the full cap is paid (configured: <c>Exchanges:FullLumpSumDistanceKm</c>).</param>
internal sealed record LumpSumEstimate(decimal Cap, decimal Amount, bool HalvedForShortStay, bool HalvedForDistance, int FullWorkingDays, double FullDistanceKm)
{
    public bool IsHalved => HalvedForShortStay || HalvedForDistance;
}
