using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Removes the bot's own @mention from inbound text (spec §1.4, mirroring BB <c>RemoveRecipientMention</c>).</summary>
public static class MentionHelper
{
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
