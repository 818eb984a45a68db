using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>What a prompt says and how it retries. Persisted with the prompt, so keep it JSON-serializable.</summary>
public sealed class PromptOptions
{
    /// <summary>The question (text and/or attachments). Conversation fields are filled from the turn.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an answer that was not recognised or not valid; <see cref="Prompt"/> when null.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The options of a <see cref="ChoicePrompt"/>.</summary>
    public List<Choice>? Choices { get; set; }

    /// <summary>How choices are shown.</summary>
    public ChoiceListStyle Style { get; set; } = ChoiceListStyle.AdaptiveCard;

    /// <summary>Extra rules for a custom validator (free-form, persisted as JSON).</summary>
    public object? Validations { get; set; }

    /// <summary>
    /// The number of answers after which the prompt gives up: it sends <see cref="TooManyAttemptsPrompt"/> (or
    /// <see cref="IDialogMessages.TooManyAttempts"/>) and ends with a <see cref="PromptAttemptsExceeded"/> result.
    /// Null: the prompt's <see cref="Prompt{T}.DefaultMaxAttempts"/> (<see cref="Prompt{T}.StandardMaxAttempts"/> for a
    /// question; none for a <see cref="CardFormPrompt"/>).
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Sent when <see cref="MaxAttempts"/> is reached.</summary>
    public Activity? TooManyAttemptsPrompt { get; set; }

    /// <summary>
    /// What the question is about, sent again just before it when it is asked again (<see cref="Prompt{T}.RepromptDialogAsync"/>:
    /// after help, or a dialog ended on top of it) — a summary the caller sent above the question, out of sight by then.
    /// Not sent when the prompt begins (the caller has just sent it) nor with a retry. Options that a
    /// <see cref="Prompt{T}.Localize"/> builds anew keep it without copying it (one of their own, a localized recap, wins).
    /// Null: nothing.
    /// </summary>
    public Activity? Recap { get; set; }

    /// <summary>
    /// A copy with every option the same (a shallow copy: the activities and the choice list are shared, as options are
    /// never changed once given). Whoever rebuilds options starts from this, so that an option added later is carried
    /// over without every such place having to list it.
    /// </summary>
    public PromptOptions Copy() => (PromptOptions)MemberwiseClone();

    /// <summary>A copy with another prompt and retry prompt (every other option the same).</summary>
    internal PromptOptions WithActivities(Activity? prompt, Activity? retryPrompt)
    {
        var copy = Copy();
        copy.Prompt = prompt;
        copy.RetryPrompt = retryPrompt;
        return copy;
    }

    /// <summary>
    /// <paramref name="localized"/> (options rebuilt for the turn's language by <see cref="Prompt{T}.Localize"/>) with
    /// this <see cref="Recap"/> when it sets none: a localizer rebuilds what it words, and the recap the caller added
    /// when the prompt began is not among that — without this it was dropped unless every localizer copied it.
    /// </summary>
    internal PromptOptions CarriedInto(PromptOptions localized)
    {
        ArgumentNullException.ThrowIfNull(localized);
        if (ReferenceEquals(localized, this) || localized.Recap is not null || Recap is null)
        {
            return localized;
        }

        var copy = localized.Copy();
        copy.Recap = Recap;
        return copy;
    }

    /// <summary>Convenience for a text-only prompt.</summary>
    public static PromptOptions Text(string prompt, string? retryPrompt = null) => new()
    {
        Prompt = Activity.CreateMessage(prompt),
        RetryPrompt = retryPrompt is null ? null : Activity.CreateMessage(retryPrompt),
    };
}
