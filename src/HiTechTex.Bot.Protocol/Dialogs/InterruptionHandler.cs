using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// Handles help / cancel / start over for whatever dialog is active, at any depth:
/// help answers and asks the active question again; cancel ends every dialog (up to the root) and confirms;
/// start over ends every dialog and begins the root dialog again.
/// </summary>
public sealed class InterruptionHandler(ILogger? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>
    /// Handles the turn if its text is an interruption. <paramref name="dc"/> is the context whose active dialog
    /// is the one being interrupted. Returns null when the turn is not an interruption.
    /// </summary>
    public async Task<DialogTurnResult?> TryHandleAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (!activity.IsType(ActivityTypes.Message))
        {
            return null;
        }

        var kind = InterruptionRecognizer.Recognize(activity.Text);
        if (kind == InterruptionKind.None)
        {
            return null;
        }

        Log.Interruption(logger, kind, activity.Conversation?.Id);
        var messages = dc.Messages;
        var root = dc;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        switch (kind)
        {
            case InterruptionKind.Help:
                await SendAsync(dc, messages.Help(activity.Locale), cancellationToken).ConfigureAwait(false);
                await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return Dialog.EndOfTurn;

            case InterruptionKind.Cancel:
                await root.CancelAllDialogsAsync(false, cancellationToken).ConfigureAwait(false);
                await SendAsync(dc, messages.Cancelled(activity.Locale), cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Cancelled);

            default:
                // The bottom of the root stack is the dialog the runner began.
                var rootDialogId = root.Stack.Count > 0 ? root.Stack[^1].Id : null;
                await root.CancelAllDialogsAsync(false, cancellationToken).ConfigureAwait(false);
                await SendAsync(dc, messages.StartingOver(activity.Locale), cancellationToken).ConfigureAwait(false);
                return rootDialogId is null
                    ? new DialogTurnResult(DialogTurnStatus.Cancelled)
                    : await root.BeginDialogAsync(rootDialogId, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task SendAsync(DialogContext dc, string text, CancellationToken cancellationToken) =>
        dc.Context.SendActivityAsync(dc.Context.Activity.CreateReply(text), cancellationToken);
}
