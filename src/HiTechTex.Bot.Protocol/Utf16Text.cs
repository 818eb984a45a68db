namespace HiTechTex.Bot.Protocol;

/// <summary>
/// The one rule for cutting text by length, and the repair of text that was cut wrong. A cut inside a surrogate pair
/// (an emoji, a character outside the Basic Multilingual Plane) leaves a lone surrogate: <c>string.Normalize</c> then
/// throws, PostgreSQL refuses the text and a card shows a broken glyph. Incoming JSON refuses lone surrogates, so only
/// a cut of our own can make one.
/// </summary>
public static class Utf16Text
{
    /// <summary>The replacement character (U+FFFD) that stands for a lone surrogate in <see cref="WellFormed"/>.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// At most <paramref name="length"/> UTF-16 units of <paramref name="text"/>, never half of a surrogate pair: a pair
    /// the limit falls inside is left out whole.
    /// </summary>
    public static string Cut(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (text.Length <= length)
        {
            return text;
        }

        return length == 0 ? "" : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
    }

    /// <summary>
    /// At most <paramref name="length"/> UTF-16 units of <paramref name="text"/>: the text itself when it fits, else its
    /// first <paramref name="length"/> − 1 (<see cref="Cut"/>: never half of a surrogate pair), trailing white space
    /// removed, then "…".
    /// </summary>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        return text.Length <= length ? text : Cut(text, length - 1).TrimEnd() + "…";
    }

    /// <summary>
    /// <paramref name="text"/> with every lone surrogate (half a pair) replaced by <see cref="Replacement"/>; the same
    /// instance when there is none, so that normalizing, encoding or storing it cannot fail.
    /// </summary>
    public static string WellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return text;
        }

        char[]? repaired = null;
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                repaired ??= text.ToCharArray();
                repaired[i] = Replacement;
            }
        }

        return repaired is null ? text : new string(repaired);
    }
}
