namespace HiTechTex.Bot.Features.Partners;

/// <summary>One ranked result; <see cref="Explanation"/> is the line a card shows ("matches: nonwovens, pilot line · Tuscany").</summary>
/// <param name="MatchedTerms">Taxonomy ids the organisation matched (from the text or the filters).</param>
public sealed record PartnerSearchHit(
    string OrganisationId,
    string Name,
    OrganisationKind Kind,
    string Country,
    string Region,
    string City,
    double Score,
    string Explanation,
    IReadOnlyList<string> MatchedTerms);
