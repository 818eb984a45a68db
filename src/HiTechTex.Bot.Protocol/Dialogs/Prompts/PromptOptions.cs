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
    /// Not sent when the prompt begins (the caller has just sent it) nor with a retry. A <see cref="Prompt{T}.Localize"/>
    /// that builds new options keeps it only if it copies it. Null: nothing.
    /// </summary>
    public Activity? Recap { get; set; }

    /// <summary>A copy with another prompt and retry prompt (every other option the same).</summary>
    internal PromptOptions WithActivities(Activity? prompt, Activity? retryPrompt) => new()
    {
        Prompt = prompt,
        RetryPrompt = retryPrompt,
        Choices = Choices,
        Style = Style,
        Validations = Validations,
        MaxAttempts = MaxAttempts,
        TooManyAttemptsPrompt = TooManyAttemptsPrompt,
        Recap = Recap,
    };

    /// <summary>Convenience for a text-only prompt.</summary>
    public static PromptOptions Text(string prompt, string? retryPrompt = null) => new()
    {
        Prompt = Activity.CreateMessage(prompt),
        RetryPrompt = retryPrompt is null ? null : Activity.CreateMessage(retryPrompt),
    };
}
