namespace HiTechTex.Bot.Features.Partners;

/// <summary>One ranked result; <see cref="Explanation"/> is the line a card shows ("matches: nonwovens, pilot line · Tuscany"),
/// <see cref="ExplanationIn"/> the same line in the user's language.</summary>
/// <param name="MatchedTerms">Taxonomy ids the organisation matched (from the text or the filters).</param>
/// <param name="MatchedWords">Query words outside the taxonomy that its name or description contains (as typed).</param>
public sealed record PartnerSearchHit(
    string OrganisationId,
    string Name,
    OrganisationKind Kind,
    string Country,
    string Region,
    string City,
    double Score,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<string> MatchedWords)
{
    /// <summary>The explanation in English.</summary>
    public string Explanation => ExplanationIn("en", "matches");

    /// <summary>The explanation with the taxonomy's labels in <paramref name="language"/> (ISO 639-1; English where a term
    /// has no label in it) after <paramref name="matchesPrefix"/>; the region in that language (<see cref="PartnerGeography.RegionNameIn"/>).</summary>
    public string ExplanationIn(string language, string matchesPrefix)
    {
        var parts = MatchedTerms.Select(id => TextileTaxonomy.Find(id)?.LabelIn(language) ?? id)
            .Concat(MatchedWords.Select(w => $"“{w}”"))
            .ToList();
        var region = PartnerGeography.RegionNameIn(Region, language);
        return parts.Count == 0 ? region : $"{matchesPrefix}: {string.Join(", ", parts)} · {region}";
    }
}
