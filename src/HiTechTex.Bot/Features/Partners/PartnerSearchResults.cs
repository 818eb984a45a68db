namespace HiTechTex.Bot.Features.Partners;

/// <summary>One page of results and the total number of matching organisations.</summary>
public sealed record PartnerSearchResults(IReadOnlyList<PartnerSearchHit> Hits, int Total);
