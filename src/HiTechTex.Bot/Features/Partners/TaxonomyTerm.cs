namespace HiTechTex.Bot.Features.Partners;

/// <summary>A term of the textile taxonomy with its names per language (ISO 639-1); the first name is the label.</summary>
/// <param name="Id">Stable id, stored in the directory and indexed as a keyword. Never rename.</param>
public sealed record TaxonomyTerm(string Id, TaxonomyFacet Facet, IReadOnlyDictionary<string, string[]> Names)
{
    /// <summary>The English label, used in explanations.</summary>
    public string Label => Names["en"][0];

    /// <summary>The label in <paramref name="language"/>, or the English one.</summary>
    public string LabelIn(string language) => Names.TryGetValue(language, out var names) ? names[0] : Label;
}
