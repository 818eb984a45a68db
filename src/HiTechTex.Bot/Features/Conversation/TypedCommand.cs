using System.Globalization;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>How a journey recognizes one of its typed commands inside the message that started it.</summary>
internal static class TypedCommand
{
    /// <summary>
    /// Whether <paramref name="typed"/> is <paramref name="command"/>: the whole message, ignoring case, accents,
    /// surrounding spaces and a leading slash ("/Língua" is "lingua").
    /// </summary>
    public static bool Matches(string command, string typed) =>
        string.Equals(Fold(command), Fold(typed), StringComparison.Ordinal);   // one notion of "the same command" (see Fold)

    /// <summary>Lower case without accents or surrounding spaces/slash, so "/Progresso" is "progresso" (and Turkish "ı" is "i").</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().TrimStart('/').Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace('ı', 'i');
    }
}
