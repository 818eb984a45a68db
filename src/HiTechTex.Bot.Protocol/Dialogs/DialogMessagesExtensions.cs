using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>Where the engine finds its <see cref="IDialogMessages"/>: the turn state.</summary>
public static class DialogMessagesExtensions
{
    /// <summary>The turn-state key of the messages.</summary>
    public static readonly string TurnStateKey = typeof(IDialogMessages).FullName!;

    /// <summary>Uses <paramref name="messages"/> for the rest of the turn (set it in middleware, per locale if needed).</summary>
    public static void SetDialogMessages(this ITurnContext turnContext, IDialogMessages messages)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(messages);
        turnContext.TurnState[TurnStateKey] = messages;
    }

    /// <summary>The messages of the turn, or <see cref="EnglishDialogMessages.Instance"/>.</summary>
    public static IDialogMessages GetDialogMessages(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.TurnState.TryGetValue(TurnStateKey, out var value) && value is IDialogMessages messages
            ? messages
            : EnglishDialogMessages.Instance;
    }
}
