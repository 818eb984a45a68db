namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>The six languages of the partnership, in the order used to break ties when nothing else decides.</summary>
internal static class Languages
{
    public static IReadOnlyList<LanguageVocabulary> All { get; } =
        [English.Vocabulary, Portuguese.Vocabulary, Spanish.Vocabulary, Italian.Vocabulary, Turkish.Vocabulary, Czech.Vocabulary];
}
