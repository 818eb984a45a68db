using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// A unit of conversation that can span turns. Dialogs are stateless objects: everything that must survive the
/// turn lives in the <see cref="DialogInstance.State"/> of their stack entry.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result that says "waiting for the user".</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Unique within its <see cref="DialogSet"/>; persisted in the stack, so renaming it breaks stored conversations.</summary>
    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Called with the user's next activity while this dialog is active. By default ends the dialog.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child dialog this one started has ended. By default ends with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again (after an interruption such as help).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>Called when the dialog is popped from the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
