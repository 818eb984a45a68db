using System.Text;

namespace HiTechTex.Bot.Features;

/// <summary>
/// The one rule for free text that people write for others to read — an introduction message, an exchange's
/// objectives, agenda and outcomes, an approver's comment, a coaching session's title, topic and trainer. Unlike names
/// (<see cref="Conversation.NameRule"/>) such a text may span lines and hold any punctuation; but what would turn it
/// around on someone else's card or hide in it goes before it is stored or shown (<see cref="Clean"/>), and a text with
/// nothing to see counts as not written (<see cref="IsMissing"/>): "‮abc 123" would show as "321 cba", and a comment of
/// one zero-width space would send an application back with no reason.
/// </summary>
internal static class FreeText
{
    /// <summary>
    /// The text as stored and shown: without bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the
    /// directional marks (U+200E, U+200F, U+061C), the zero-width space and word joiner (U+200B, U+2060), the invisible
    /// operators (U+2061–2064), the deprecated format characters (U+206A–206F), the Mongolian vowel separator (U+180E)
    /// and the byte order mark (U+FEFF); then trimmed. Line breaks inside stay; ZWNJ and ZWJ (U+200C, U+200D) stay too,
    /// since Persian and Indic words and emoji sequences need them. Null gives "".
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny(Removed) < 0)
        {
            return text.Trim();
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Removed.Contains(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim();
    }

    /// <summary>
    /// Whether <paramref name="text"/> shows nothing: null, empty, or only white space, invisible characters (those
    /// <see cref="Clean"/> removes, ZWNJ, ZWJ, the soft hyphen, other format characters, lone combining marks) and the
    /// letters that are drawn blank (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the blank Braille pattern
    /// U+2800). Such a text is treated as one not written: "Describe the objectives", "a comment is required".
    /// </summary>
    public static bool IsMissing(string? text) => Protocol.VisibleText.ShowsNothing(text);

    /// <summary><see cref="Clean"/>ed text, or null when it shows nothing (<see cref="IsMissing"/>).</summary>
    public static string? CleanOrNull(string? text)
    {
        var cleaned = Clean(text);
        return IsMissing(cleaned) ? null : cleaned;
    }

    private static readonly System.Buffers.SearchValues<char> Removed = System.Buffers.SearchValues.Create(
        "\u061C\u180E\u200B\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
        + "\u206A\u206B\u206C\u206D\u206E\u206F\uFEFF");
}
