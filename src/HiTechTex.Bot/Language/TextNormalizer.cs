using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Language;

/// <summary>Lower-cases, strips diacritics and splits text into words, so vocabulary matches whatever keyboard was used.</summary>
internal static partial class TextNormalizer
{
    /// <summary>Lower-case, no diacritics: "Laboratório" → "laboratorio", "İtalya" → "italya", "Řecko" → "recko".</summary>
    public static string Normalize(string text)
    {
        var lowered = Lower(text);
        if (Ascii.IsValid(lowered))
        {
            return lowered;   // nothing to decompose, strip or replace: what the steps below give for ASCII
        }

        // Half an emoji (a lone surrogate) would make Normalize throw; it reads as U+FFFD, not a letter.
        var decomposed = Utf16Text.WellFormed(lowered).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Letters that Unicode does not decompose into base letter + mark.
            switch (c)
            {
                case 'ı': builder.Append('i'); break;
                case 'ł': builder.Append('l'); break;
                case 'ø': builder.Append('o'); break;
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case '’' or '‘': builder.Append('\''); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Splits into words; numeric dates (2026-12-03, 3/12/2026, 3. 12. 2026) stay one token.</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var lowered = Lower(text);
        var matches = WordPattern().Matches(lowered);
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var raw = match.Value;
            // What separates the words ("may'da", "2. pro."): the date reader asks for it, nothing else.
            var previousEnd = i == 0 ? 0 : matches[i - 1].Index + matches[i - 1].Length;
            var nextStart = i + 1 < matches.Count ? matches[i + 1].Index : lowered.Length;
            tokens.Add(new Token(raw, Normalize(raw))
            {
                Before = lowered[previousEnd..match.Index],
                After = lowered[(match.Index + match.Length)..nextStart],
                // Lower-casing keeps the length (one UTF-16 unit for one), so the same span is the word as typed; a word
                // typed in lower case (most) is the same string, not a copy.
                Typed = lowered.Length != text.Length || text.AsSpan(match.Index, match.Length).SequenceEqual(raw)
                    ? raw
                    : text.Substring(match.Index, match.Length),
            });
        }

        return tokens;
    }

    // Invariant casing leaves the Turkish dotted capital İ alone; "KOBİ" must read as "kobi".
    private static string Lower(string text) => text.Replace('İ', 'i').ToLowerInvariant();

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\s?\d{1,2}[./]\s?\d{4}|[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
