namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>A thing with a canonical value and the names it goes by in the six languages.</summary>
/// <param name="Value">The canonical value (ISO code, region name, organisation kind, topic).</param>
/// <param name="Names">Phrases in <see cref="Phrase"/> syntax.</param>
/// <param name="Country">For regions: the ISO code of the country they are in.</param>
internal sealed record GazetteerEntry(string Value, string[] Names, string? Country = null);
