using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// The question a prompt's button belongs to. Every yes/no or choice button of a <see cref="ConfirmPrompt"/> or
/// <see cref="ChoicePrompt"/> carries the id of the prompt that sent it (<c>{"choice": "Yes", "prompt": id}</c>), a new
/// one each time a question is asked; Teams keeps old cards clickable, and without it a "Yes" of an earlier question
/// ("shall I call you Ana?") would answer the one waiting now ("delete my data?"). A question's own card with a choice
/// button (an edited answer's Keep) gets the id the same way (<see cref="Identify(PromptOptions, string)"/>).
/// </summary>
public static class PromptButtons
{
    /// <summary>The key of the prompt's id in a button's data.</summary>
    public const string PromptKey = "prompt";

    /// <summary>
    /// The prompt id a card click carries (an <c>Action.Submit</c> message's value, an <c>Action.Execute</c>'s data), or
    /// null (typed text, an older button).
    /// </summary>
    public static string? PromptIdOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return CardInput.DataOf(activity) is { } value
            && value.TryGetProperty(PromptKey, out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } text
                ? text
                : null;
    }

    /// <summary>
    /// Whether a click names a question other than <paramref name="currentId"/>: a different id, or a
    /// <see cref="PromptKey"/> that is no id at all (altered by hand). False for typed text and for a button that names no
    /// question (one sent before buttons carried an id), which are read as before.
    /// </summary>
    public static bool NamesAnotherQuestion(Activity activity, string currentId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return CardInput.DataOf(activity) is { } value && value.TryGetProperty(PromptKey, out var id)
            && !(id.ValueKind == JsonValueKind.String && string.Equals(id.GetString(), currentId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a click is a button of the prompt that waits as <paramref name="instance"/> — it carries the id of that
    /// asking of the question. False for typed text, a button that names no question (one sent before buttons carried an
    /// id), another question's, and a dialog that is no prompt with an id.
    /// </summary>
    public static bool IsOwnButton(Activity activity, DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(instance);
        return PromptIdOf(activity) is { } clicked
            && instance.State.GetValue<string>(Prompt<object>.PromptIdKey) is { Length: > 0 } current
            && string.Equals(clicked, current, StringComparison.Ordinal);
    }

    /// <summary>
    /// The options with <paramref name="promptId"/> in the data of every choice button (an <c>Action.Submit</c> or
    /// <c>Action.Execute</c> whose data holds a <c>choice</c>) on the cards of its prompt and retry prompt — the Keep of
    /// an answer being edited is such a button on the question's own card. The same options when there is none; the
    /// options given are never changed (they may be stored, or shared).
    /// </summary>
    internal static PromptOptions Identify(PromptOptions options, string promptId)
    {
        var prompt = Identify(options.Prompt, promptId);
        var retry = Identify(options.RetryPrompt, promptId);
        return ReferenceEquals(prompt, options.Prompt) && ReferenceEquals(retry, options.RetryPrompt)
            ? options
            : options.WithActivities(prompt, retry);
    }

    private static Activity? Identify(Activity? activity, string promptId)
    {
        if (activity?.Attachments is not { Count: > 0 } attachments)
        {
            return activity;
        }

        var stamped = attachments.Select(a => PromptActivities.StampActions(a, action => AddPromptId(action, promptId))).ToList();
        return stamped.SequenceEqual(attachments, ReferenceEqualityComparer.Instance) ? activity : PromptActivities.WithAttachments(activity, stamped);
    }

    private static bool AddPromptId(JsonObject action, string promptId)
    {
        if (action["data"] is not JsonObject data || data["choice"] is not JsonValue choice || choice.GetValueKind() != JsonValueKind.String
            || data.ContainsKey(PromptKey))
        {
            return false;
        }

        data[PromptKey] = promptId;
        return true;
    }

    /// <summary>A new id for a question being asked.</summary>
    internal static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
