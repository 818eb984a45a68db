namespace HiTechTex.Bot.Language;

/// <summary>A word of the user's text: as typed (lower-cased) and normalised (no accents) for matching.</summary>
/// <param name="Raw">The word lower-cased, accents kept (what keywords show).</param>
/// <param name="Norm">The word lower-cased without diacritics (what the vocabulary is compared with).</param>
internal readonly record struct Token(string Raw, string Norm);
