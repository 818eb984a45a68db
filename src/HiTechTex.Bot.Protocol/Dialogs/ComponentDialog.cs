using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// A dialog made of dialogs: it runs its own inner stack (persisted in its instance state) and ends when the
/// inner stack completes. The unit of reuse for a conversation flow.
/// </summary>
public class ComponentDialog(string dialogId) : Dialog(dialogId)
{
    internal const string InnerStateKey = "dialogs";

    /// <summary>The inner dialogs.</summary>
    public DialogSet Dialogs { get; } = new();

    /// <summary>The dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerContext(outerDc.Context, instance, outerDc);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, instance, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        var instance = outerDc.ActiveDialog!;
        var innerDc = CreateInnerContext(outerDc.Context, instance, outerDc);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(outerDc, instance, turnResult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Something pushed on top of the component ended. The component's own work is in its inner stack, so it
    /// asks that stack to prompt again rather than ending early (Bot Framework behaviour).
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        CreateInnerContext(turnContext, instance, null).RepromptDialogAsync(cancellationToken);

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled)
        {
            await CreateInnerContext(turnContext, instance, null).CancelAllDialogsAsync(false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Begins <see cref="InitialDialogId"/> on the inner stack.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken) =>
        innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."), options, cancellationToken);

    /// <summary>Continues the inner stack; override to intercept the turn first (see <see cref="InterruptibleComponentDialog"/>).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    /// <summary>Ends the component with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken) =>
        outerDc.EndDialogAsync(result, cancellationToken);

    /// <summary>The context over the inner stack of this component, the active dialog of <paramref name="dc"/>.</summary>
    public DialogContext CreateChildContext(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog ?? throw new InvalidOperationException("The context has no active dialog.");
        if (instance.Id != Id)
        {
            throw new InvalidOperationException($"The active dialog is '{instance.Id}', not the component '{Id}'.");
        }

        return CreateInnerContext(dc.Context, instance, dc);
    }

    /// <summary>The context over the inner stack stored in <paramref name="instance"/>.</summary>
    protected DialogContext CreateInnerContext(ITurnContext turnContext, DialogInstance instance, DialogContext? outerDc)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = DialogStateValues.GetLive<DialogState>(instance.State, InnerStateKey);
        if (state is null)
        {
            state = new DialogState();
            instance.State[InnerStateKey] = state;
        }

        state.DialogStack ??= [];
        return new DialogContext(Dialogs, turnContext, state, outerDc);
    }

    private async Task<DialogTurnResult> AfterInnerTurnAsync(DialogContext outerDc, DialogInstance instance, DialogTurnResult turnResult, CancellationToken cancellationToken)
    {
        if (turnResult.Status == DialogTurnStatus.Waiting)
        {
            return EndOfTurn;
        }

        // An interruption (cancel, start over) may have rebuilt the outer stack during the inner turn; ending
        // "the active dialog" then would end the wrong one.
        if (!ReferenceEquals(outerDc.ActiveDialog, instance))
        {
            return turnResult;
        }

        return await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
    }
}
