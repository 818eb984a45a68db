using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Mentions (spec §1.4): removes the bot's own @mention from inbound text (mirroring BB <c>RemoveRecipientMention</c>)
/// and builds outbound ones.
/// </summary>
public static class MentionHelper
{
    /// <summary>
    /// An outbound mention of <paramref name="account"/>: put <c>entity.Text</c> (<c>&lt;at&gt;Name&lt;/at&gt;</c>) into
    /// <c>activity.text</c> and the entity into <c>activity.entities</c> — Teams ignores a mention whose text is not
    /// exactly in the message. The name is HTML-encoded (a <c>&lt;</c> or <c>&amp;</c> in a display name would otherwise
    /// end the tag); spaces stay as they are (the Teams sample's <c>XmlConvert.EncodeName</c> shows <c>_x0020_</c> or
    /// <c>%20</c> on some clients). Null when the account has no id or no name: there is nothing Teams could show.
    /// </summary>
    public static Entity? Mention(ChannelAccount? account)
    {
        if (string.IsNullOrEmpty(account?.Id) || string.IsNullOrWhiteSpace(account.Name))
        {
            return null;
        }

        return new Entity
        {
            Type = "mention",
            Text = $"<at>{System.Net.WebUtility.HtmlEncode(account.Name.Trim())}</at>",
            Mentioned = new ChannelAccount { Id = account.Id, Name = account.Name.Trim() },
        };
    }

    /// <summary>
    /// A message that starts by mentioning <paramref name="account"/>, then <paramref name="text"/>; without a mention
    /// (<see cref="Mention"/> gave none) just the text.
    /// </summary>
    public static Activity MentionMessage(ChannelAccount? account, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mention = Mention(account);
        return mention is null
            ? new Activity { Type = ActivityTypes.Message, Text = text }
            : new Activity { Type = ActivityTypes.Message, Text = $"{mention.Text} {text}", Entities = [mention] };
    }

    /// <summary>
    /// Removes every mention of <c>activity.recipient</c> from <c>activity.text</c> and trims the result. Mentions of
    /// other users stay. Identity comes from the <c>entities</c>, never from the text, because users can edit text.
    /// </summary>
    /// <returns>The resulting text (also written back to the activity).</returns>
    public static string? RemoveRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || string.IsNullOrEmpty(activity.Text) || activity.Entities is not { Count: > 0 } entities)
        {
            return activity.Text;
        }

        var text = activity.Text;
        var removedAny = false;
        foreach (var entity in entities)
        {
            if (!entity.IsMention || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            var literal = !string.IsNullOrEmpty(entity.Text)
                ? entity.Text
                : string.IsNullOrEmpty(entity.Mentioned?.Name) ? null : $"<at>{entity.Mentioned.Name}</at>";
            if (literal is not null)
            {
                text = text.Replace(literal, string.Empty, StringComparison.OrdinalIgnoreCase);
                removedAny = true;
            }
        }

        if (removedAny)
        {
            activity.Text = text.Trim();
        }

        return activity.Text;
    }
}
