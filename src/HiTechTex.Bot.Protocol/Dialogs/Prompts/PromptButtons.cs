using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// The question a prompt's button belongs to. Every yes/no or choice button of a <see cref="ConfirmPrompt"/> or
/// <see cref="ChoicePrompt"/> carries the id of the prompt that sent it (<c>{"choice": "Yes", "prompt": id}</c>), a new
/// one each time a question is asked; Teams keeps old cards clickable, and without it a "Yes" of an earlier question
/// ("shall I call you Ana?") would answer the one waiting now ("delete my data?").
/// </summary>
public static class PromptButtons
{
    /// <summary>The key of the prompt's id in a button's data.</summary>
    public const string PromptKey = "prompt";

    /// <summary>The prompt id a card click carries (an <c>Action.Submit</c> message's value), or null (typed text, an older button).</summary>
    public static string? PromptIdOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(PromptKey, out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } text
                ? text
                : null;
    }

    /// <summary>A new id for a question being asked.</summary>
    internal static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
