using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>Building the activities prompts send.</summary>
internal static class PromptActivities
{
    /// <summary>A reply in the turn's conversation carrying the content of <paramref name="template"/>.</summary>
    public static Activity CreateReply(ITurnContext turnContext, Activity? template)
    {
        var reply = turnContext.Activity.CreateReply(template?.Text);
        if (template is not null)
        {
            CopyContent(template, reply, template.Attachments is null ? null : [.. template.Attachments]);
            reply.Locale = template.Locale ?? reply.Locale;
        }

        reply.InputHint ??= "expectingInput";
        return reply;
    }

    /// <summary>What a prompt's activity says, besides its text and locale, copied onto <paramref name="to"/> with <paramref name="attachments"/>.</summary>
    private static void CopyContent(Activity from, Activity to, IList<Attachment>? attachments)
    {
        to.Speak = from.Speak;
        to.InputHint = from.InputHint;
        to.TextFormat = from.TextFormat;
        to.Summary = from.Summary;
        to.AttachmentLayout = from.AttachmentLayout;
        to.Attachments = attachments;
        to.Entities = from.Entities is null ? null : [.. from.Entities];
        to.SuggestedActions = from.SuggestedActions;
        to.ChannelData = from.ChannelData;
    }

    /// <summary>
    /// An Adaptive Card of buttons, each a plain <c>Action.Submit</c> whose data is <c>{"choice": value}</c>, which
    /// <see cref="GetAnswerText"/> reads as the answer. Not <c>msteams.imBack</c>/<c>messageBack</c>: Teams honours
    /// those, but the Microsoft 365 Agents Playground (0.2.28) silently ignores a click on them, and a prompt that
    /// cannot be answered in the local client is worse than a click that does not echo as a chat message.
    /// </summary>
    /// <remarks>
    /// With <paramref name="promptId"/> each button's data also carries it (<c>{"choice": value, "prompt": id}</c>,
    /// <see cref="PromptButtons.PromptKey"/>): the question the button belongs to, so that a click on a button of an
    /// earlier question, which Teams keeps clickable, answers no other question (<see cref="Prompt{T}"/>).
    /// </remarks>
    public static Attachment ButtonsCard(IEnumerable<string> values, string? promptId = null) => Attachment.AdaptiveCard(ButtonsCardContent(values, promptId));

    /// <summary>The card of <see cref="ButtonsCard"/>: an immutable element, which may be kept and sent again.</summary>
    public static JsonElement ButtonsCardContent(IEnumerable<string> values, string? promptId = null)
    {
        var actions = new JsonArray();
        foreach (var value in values)
        {
            var data = new JsonObject { ["choice"] = value };
            if (promptId is not null)
            {
                data[PromptButtons.PromptKey] = promptId;
            }

            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = value,
                ["data"] = data,
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(),
            ["actions"] = actions,
        };
        return ToElement(card);
    }

    /// <summary>
    /// A copy of an Adaptive Card attachment in which <paramref name="stamp"/> has changed its <c>Action.Submit</c> and
    /// <c>Action.Execute</c> actions wherever they sit (the card's actions, an action set, a show-card's card, a select
    /// action); <paramref name="stamp"/> returns whether it changed the action. The attachment itself when it changed none
    /// or is no Adaptive Card.
    /// </summary>
    public static Attachment StampActions(Attachment attachment, Func<JsonObject, bool> stamp)
    {
        if (!string.Equals(attachment.ContentType, Attachment.AdaptiveCardContentType, StringComparison.OrdinalIgnoreCase)
            || attachment.Content is not { ValueKind: JsonValueKind.Object } content)
        {
            return attachment;
        }

        var card = JsonNode.Parse(content.GetRawText())!;
        return StampActionsIn(card, stamp)
            ? new Attachment
            {
                ContentType = attachment.ContentType,
                Content = ToElement(card),
                Name = attachment.Name,
                ThumbnailUrl = attachment.ThumbnailUrl,
                Properties = attachment.Properties,
            }
            : attachment;
    }

    /// <summary>
    /// A copy of <paramref name="template"/> with other attachments, holding every field <see cref="CreateReply"/> reads
    /// (the template, which may be stored in a prompt's options, is not changed).
    /// </summary>
    public static Activity WithAttachments(Activity template, IList<Attachment> attachments)
    {
        var copy = new Activity { Type = template.Type, Text = template.Text, Locale = template.Locale };
        CopyContent(template, copy, attachments);
        return copy;
    }

    private static bool StampActionsIn(JsonNode? node, Func<JsonObject, bool> stamp)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName is "Action.Submit" or "Action.Execute")
                {
                    changed = stamp(obj);
                }

                foreach (var (_, child) in obj.ToList())
                {
                    changed |= StampActionsIn(child, stamp);
                }

                break;

            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    changed |= StampActionsIn(child, stamp);
                }

                break;
        }

        return changed;
    }

    public static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The text of a message, or a string the user picked on a card (<c>value.value</c> / <c>value.choice</c>) — by an
    /// <c>Action.Submit</c> or an <c>Action.Execute</c> (<see cref="CardInput.DataOf"/>).
    /// </summary>
    public static string? GetAnswerText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text;
        }

        if (CardInput.DataOf(activity) is { } value)
        {
            foreach (var name in (string[])["choice", "value", "text"])
            {
                // An unacceptable string (a lone surrogate, a control character) is no answer: the prompt asks again.
                if (value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String)
                {
                    return CardInput.TryGetText(property, out var text) ? text : null;
                }
            }
        }

        return activity.Text;
    }
}
