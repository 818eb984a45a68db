using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>The input of a <see cref="PromptValidator{T}"/>.</summary>
public sealed class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext context, PromptRecognizerResult<T> recognized, IDictionary<string, object?> state, PromptOptions options, int attemptCount)
    {
        Context = context;
        Recognized = recognized;
        State = state;
        Options = options;
        AttemptCount = attemptCount;
        Reason = recognized.Reason;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    /// <summary>The prompt's persisted state.</summary>
    public IDictionary<string, object?> State { get; }

    public PromptOptions Options { get; }

    /// <summary>The number of answers so far, this one included (1 on the first answer).</summary>
    public int AttemptCount { get; }

    /// <summary>Why the answer is refused; prompts that can show a reason (the card form) tell the user.</summary>
    public string? Reason { get; set; }
}
