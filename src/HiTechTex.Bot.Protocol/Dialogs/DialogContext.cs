using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// The dialog stack of one <see cref="DialogSet"/> during one turn, and the operations on it. Not sealed:
/// <see cref="WaterfallStepContext"/> is a context over the same stack.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        Stack = state.DialogStack;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The stack; index 0 is the active dialog.</summary>
    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the component dialog that owns this one, or null at the root.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The top of the stack, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>
    /// The context over the inner stack of the active dialog when that is a <see cref="ComponentDialog"/> (the Bot
    /// Framework's <c>DialogContext.Child</c>), else null. Following <c>Child</c> down reaches the dialog that is really
    /// waiting — the prompt inside the journey inside the root.
    /// </summary>
    public DialogContext? Child =>
        ActiveDialog is { } instance && FindDialog(instance.Id) is ComponentDialog component
            ? component.CreateChildContext(this)
            : null;

    /// <summary>The user-facing texts of the engine (from the turn state, English by default).</summary>
    public IDialogMessages Messages => Context.GetDialogMessages();

    /// <summary>Pushes <paramref name="dialogId"/> and begins it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' was not found in this DialogSet or its parents.");
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Begins a prompt (a dialog that takes <see cref="PromptOptions"/>).</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Passes the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    /// <exception cref="DialogStateMismatchException">The stack names a dialog this build does not have.</exception>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        var dialog = FindDialogOrMismatch(instance.Id);
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the active dialog and resumes its parent with <paramref name="result"/>; when the stack becomes empty,
    /// returns <see cref="DialogTurnStatus.Complete"/> with the result.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is not { } instance)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        var dialog = FindDialogOrMismatch(instance.Id);
        return await dialog.ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Pops every dialog of this stack (each gets <see cref="DialogReason.CancelCalled"/>); with
    /// <paramref name="cancelParents"/>, the stacks of the enclosing component dialogs too.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(bool cancelParents = false, CancellationToken cancellationToken = default)
    {
        var cancelled = false;
        for (var dc = this; dc is not null; dc = cancelParents ? dc.Parent : null)
        {
            while (dc.Stack.Count > 0)
            {
                await dc.EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
                cancelled = true;
            }
        }

        return new DialogTurnResult(cancelled ? DialogTurnStatus.Cancelled : DialogTurnStatus.Empty);
    }

    /// <summary>
    /// Pops the active dialog (it gets <see cref="DialogReason.CancelCalled"/>) without resuming the one below: for a
    /// parent that drops a question in the middle of a turn so that the dialog below takes that turn's activity itself
    /// (<see cref="ContinueDialogAsync"/>) instead of being asked to prompt again.
    /// </summary>
    public Task CancelActiveDialogAsync(CancellationToken cancellationToken = default) =>
        EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);

    /// <summary>Ends the active dialog and begins <paramref name="dialogId"/> in its place (no resume of the parent).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the active dialog to prompt the user again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } instance)
        {
            var dialog = FindDialogOrMismatch(instance.Id);
            await dialog.RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finds a dialog in this set, then in the sets of the enclosing components.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private Dialog FindDialogOrMismatch(string dialogId) =>
        FindDialog(dialogId) ?? throw new DialogStateMismatchException(dialogId, "no dialog with this id");

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        // An unknown dialog (stale stack) is popped without its end hook, so that cancelling always works.
        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        Stack.Remove(instance);
    }
}
