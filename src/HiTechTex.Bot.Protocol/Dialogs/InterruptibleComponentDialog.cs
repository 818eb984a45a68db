using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// A <see cref="ComponentDialog"/> that lets the user type help, cancel or start over at any point of its inner
/// dialogs (see <see cref="InterruptionHandler"/>). Make the root dialog of a bot one of these.
/// </summary>
public class InterruptibleComponentDialog(string dialogId, ILogger? logger = null) : ComponentDialog(dialogId)
{
    private readonly InterruptionHandler interruptions = new(logger);

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outerDc);

        // Checked before the inner stack sees the text, so that a prompt does not take "cancel" as its answer.
        var handled = await interruptions.TryHandleAsync(outerDc, cancellationToken).ConfigureAwait(false);
        return handled ?? await base.ContinueDialogAsync(outerDc, cancellationToken).ConfigureAwait(false);
    }
}
