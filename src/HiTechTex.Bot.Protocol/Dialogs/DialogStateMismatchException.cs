namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// The stored dialog stack does not fit the dialogs of this build — typically after a redeploy renamed a dialog
/// or removed waterfall steps. <see cref="DialogExtensions.RunAsync(Dialog, Turns.ITurnContext, State.IStatePropertyAccessor{DialogState}, CancellationToken)"/>
/// catches it, apologises and starts again.
/// </summary>
public sealed class DialogStateMismatchException(string dialogId, string reason)
    : Exception($"The stored dialog stack does not match this build: dialog '{dialogId}': {reason}.")
{
    /// <summary>The id of the dialog named by the stored stack.</summary>
    public string DialogId { get; } = dialogId;

    /// <summary>What does not match (no user data).</summary>
    public string Reason { get; } = reason;
}
