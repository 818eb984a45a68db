using System.Text.Json;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>Running a root dialog for a turn.</summary>
public static class DialogExtensions
{
    /// <inheritdoc cref="RunAsync(Dialog, ITurnContext, IStatePropertyAccessor{DialogState}, ILogger, CancellationToken)"/>
    public static Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default) =>
        RunAsync(dialog, turnContext, accessor, NullLogger.Instance, cancellationToken);

    /// <summary>
    /// The standard runner: continues the active dialog, or begins <paramref name="dialog"/> when the stack is
    /// empty. When the stored stack does not fit this build (unknown dialog id, step index beyond the steps,
    /// unreadable JSON) it clears the stack, apologises (<see cref="IDialogMessages.LostTrack"/>), logs a warning
    /// and begins <paramref name="dialog"/>. The caller saves the state afterwards.
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        ArgumentNullException.ThrowIfNull(logger);

        var dialogSet = new DialogSet(accessor).Add(dialog);
        var conversationId = turnContext.Activity.Conversation?.Id;
        DialogContext dc;
        try
        {
            dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            Log.DialogStateUnreadable(logger, conversationId, dialog.Id, exception);
            return await RestartAsync(dialogSet, dialog, turnContext, accessor, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            if (result.Status == DialogTurnStatus.Empty)
            {
                result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch (DialogStateMismatchException exception)
        {
            Log.DialogStackReset(logger, conversationId, exception.DialogId, exception.Reason, dialog.Id);
            return await RestartAsync(dialogSet, dialog, turnContext, accessor, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            // A value inside the stack (prompt options, component state) no longer has a shape this build reads.
            Log.DialogStateUnreadable(logger, conversationId, dialog.Id, exception);
            return await RestartAsync(dialogSet, dialog, turnContext, accessor, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DialogTurnResult> RestartAsync(DialogSet dialogSet, Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        var state = new DialogState();
        await accessor.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(turnContext.GetDialogMessages().LostTrack(turnContext.Activity.Locale), cancellationToken).ConfigureAwait(false);
        var dc = new DialogContext(dialogSet, turnContext, state);
        return await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
    }
}
