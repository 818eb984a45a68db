using System.Text.RegularExpressions;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// A message's text for understanding and for showing. In a channel the text holds every @mention as
/// <c>&lt;at&gt;Name&lt;/at&gt;</c> (the bot's own is removed on arrival): "&lt;at&gt;Giulia&lt;/at&gt;" is whom the
/// message is addressed to or about, never a word of the request — "busca socios para &lt;at&gt;Giulia&lt;/at&gt; en
/// Italia" looks for partners in Italy, not for organisations named Giulia. The text's HTML entities were decoded when the
/// turn started (<see cref="InboundText"/>); a mention entity's text is still encoded as Teams sent it, so it is
/// compared decoded.
/// </summary>
internal static partial class MessageText
{
    /// <summary>
    /// The text, trimmed, without the mentions its entities name (identity from the entities, never the text). A text
    /// that shows nothing (<see cref="FreeText.IsMissing"/>: only spaces, or zero-width and other invisible characters)
    /// is "", one rule for every kind of blank.
    /// </summary>
    public static string? ForUnderstanding(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = Rewrite(activity, _ => " ")?.Trim();
        return text is { Length: > 0 } && FreeText.IsMissing(text) ? "" : text;
    }

    /// <summary>
    /// What to show of a request that <paramref name="understood"/> came from: the turn's text with each mention as the
    /// name it shows, when it is this turn's text; else <paramref name="understood"/> (a request kept from an earlier turn).
    /// </summary>
    public static string ForDisplay(Activity activity, string understood)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(understood);
        if (ForUnderstanding(activity) != understood)
        {
            return understood;
        }

        var shown = Rewrite(activity, name => name)?.Trim() ?? understood;
        return Utf16Text.Cut(shown, MainDialog.MaxReplayedText);
    }

    private static string? Rewrite(Activity activity, Func<string, string> replacement)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text) || activity.Entities is not { Count: > 0 } entities)
        {
            return text;
        }

        var changed = false;
        foreach (var entity in entities)
        {
            if (!entity.IsMention)
            {
                continue;
            }

            var name = entity.Mentioned?.Name;
            // The entity's text is encoded as the message's text is ("<at>Ana &amp; Co</at>"): compared decoded, like the text.
            var literal = !string.IsNullOrEmpty(entity.Text) ? InboundText.Decode(entity.Text) : string.IsNullOrEmpty(name) ? null : $"<at>{name}</at>";
            if (literal is null || !text.Contains(literal, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var shown = name ?? AtTag().Replace(literal, "");
            text = text.Replace(literal, replacement(shown), StringComparison.OrdinalIgnoreCase);
            changed = true;
        }

        return changed ? Spaces().Replace(text, " ") : text;
    }

    [GeneratedRegex("</?at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
