using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace HiTechTex.Bot.Protocol;

/// <summary>
/// The one rule for text that shows nothing, for prompts and features alike: a message of only zero-width characters
/// is as blank as one of only spaces — no answer to a question, no request, no comment (the product's free-text rule
/// reads it through here too).
/// </summary>
public static class VisibleText
{
    /// <summary>
    /// Whether <paramref name="text"/> shows nothing: null, empty, or only white space, invisible characters (bidi marks
    /// and controls, the zero-width space and word joiner, ZWNJ, ZWJ, the byte order mark, the soft hyphen, other format
    /// characters, lone combining marks) and the letters that are drawn blank (the Hangul fillers U+115F, U+1160, U+3164,
    /// U+FFA0, the blank Braille pattern U+2800).
    /// </summary>
    public static bool ShowsNothing([NotNullWhen(false)] string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (HasInk(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A character one can see: a letter, digit, punctuation or symbol (an emoji is one), but no blank filler.</summary>
    private static bool HasInk(Rune rune) =>
        (Rune.IsLetterOrDigit(rune) || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune))
        && rune.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800);
}
