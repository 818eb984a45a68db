using System.Text;

namespace HiTechTex.Bot.Features;

/// <summary>
/// Free text one person writes and others read on a card or in a message (an exchange's objectives, agenda and
/// outcomes, an approver's comment, an introduction message): without the characters that hide in it or turn it around
/// — zero-width space, byte-order mark, bidi embeddings, overrides and isolates — and, when nothing one can see is
/// left, no text at all. Line breaks, emoji and the joiners some scripts need (ZWJ, ZWNJ) stay.
/// </summary>
internal static class ReadableText
{
    /// <summary>The text without those characters, trimmed ("" for null).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(IsHidden))
        {
            return text.Trim();
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsHidden(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim();
    }

    /// <summary>Whether the text has a character one can see: a letter, digit, punctuation or symbol (an emoji is one).</summary>
    public static bool HasInk(string? text) => text is not null && text.Any(IsInk);

    /// <summary>The cleaned text, or null when nothing one can see is in it (a blank, a zero-width space, only marks).</summary>
    public static string? OrNull(string? text) => Clean(text) is { Length: > 0 } cleaned && HasInk(cleaned) ? cleaned : null;

    private static bool IsHidden(char c) => c is '\u200B' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsInk(char c) => char.IsLetterOrDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSurrogate(c);
}
