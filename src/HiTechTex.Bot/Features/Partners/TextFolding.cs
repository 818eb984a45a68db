using System.Globalization;
using System.Text;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>Case- and diacritic-insensitive tokens, so that "Não-tecidos", "nao tecidos" and "NÃO TECIDOS" compare equal.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        // Half an emoji (a lone surrogate) would make Normalize throw; it reads as U+FFFD, not a letter.
        var decomposed = Utf16Text.WellFormed(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Turkish dotless i does not decompose; Lucene's ASCIIFoldingFilter maps it to i too.
            builder.Append(c == 'ı' ? 'i' : c);
        }

        return builder.ToString();
    }

    public static string[] Tokens(string text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }

        return [.. tokens];
    }

    /// <summary>
    /// Whether two folded tokens name the same word: equal; or both long and differing only in a short ending
    /// (a light, language-neutral stemmer: "antimicrobici" ~ "antimicrobico"); or, when <paramref name="allowTypo"/>,
    /// one edit apart for words of five letters or more ("nonwovns" ~ "nonwovens").
    /// </summary>
    public static bool SameWord(string a, string b, bool allowTypo)
    {
        if (a == b)
        {
            return true;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (a.Length >= 6 && b.Length >= 6 && CommonPrefix(a, b) >= longer - 2)
        {
            return true;
        }

        return allowTypo && Math.Min(a.Length, b.Length) >= 5 && WithinOneEdit(a, b);
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        var j = 0;
        var edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length == b.Length)
            {
                i++;
            }

            j++;
        }

        return edits + (b.Length - j) + (a.Length - i) <= 1;
    }
}
