using System.Net;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Teams writes a message's <c>text</c> as HTML: characters as entities (<c>R&amp;amp;D</c>, <c>&amp;lt;</c>,
/// <c>&amp;quot;</c>, <c>&amp;#39;</c>, <c>&amp;nbsp;</c>). They are decoded once, when the turn starts, so that every
/// reader — understanding, prompts, what is stored — sees what the user typed ("R&amp;D Lab", "O'Brien"), and a
/// no-break space is a space. Only <c>text</c>: a card's submitted <c>value</c> is JSON, never HTML. Text shown back
/// must still be escaped for where it goes (a decoded <c>&lt;</c> is a character, not markup). Mention entities keep
/// their <c>text</c> as Teams sent it (encoded like the message was): compare them through <see cref="Decode"/>.
/// </summary>
public static partial class InboundText
{
    /// <summary>Decodes the entities of a message activity's <c>text</c> in place; other activities are left as they are.</summary>
    /// <returns>The resulting text.</returns>
    public static string? DecodeMessageText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.IsType(ActivityTypes.Message))
        {
            activity.Text = Decode(activity.Text);
        }

        return activity.Text;
    }

    /// <summary>HTML entities decoded ("&amp;amp;" → "&amp;"), no-break spaces made spaces; text without either is returned as it is.</summary>
    public static string? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var decoded = text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;
        return decoded.Contains('\u00A0', StringComparison.Ordinal) ? Spaces().Replace(decoded.Replace('\u00A0', ' '), " ") : decoded;
    }

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
