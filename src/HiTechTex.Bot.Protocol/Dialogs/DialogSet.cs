using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>The dialogs that can run together, and (at the root) the state property that holds their stack.</summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    /// <summary>Adds a dialog; its id must be unique within the set.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    /// <summary>The dialog with <paramref name="dialogId"/>, or null.</summary>
    public Dialog? Find(string dialogId) => dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> GetDialogs() => dialogs.Values;

    /// <summary>Loads the stack from the state property and creates the context for this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a DialogState property accessor.");
        }

        var state = await dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false)
            ?? new DialogState();
        state.DialogStack ??= [];
        return new DialogContext(this, turnContext, state);
    }
}
