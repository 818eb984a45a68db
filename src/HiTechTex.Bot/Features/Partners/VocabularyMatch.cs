namespace HiTechTex.Bot.Features.Partners;

/// <summary>A phrase of a vocabulary found in a text: the key it maps to and the tokens it covered.</summary>
internal readonly record struct VocabularyMatch(string Key, int Start, int Length);
