using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>The dialogs that can run together, and (at the root) the state property that holds their stack.</summary>
public sealed class DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
{
    // Sized for a component's usual steps and prompts (the profile dialog's are 8): built on every turn, it grew twice.
    private readonly Dictionary<string, Dialog> dialogs = new(8, StringComparer.Ordinal);
    private List<Func<IEnumerable<Dialog>>>? deferred;

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

    /// <summary>
    /// Adds dialogs that are created only when first needed: when an id is not among the dialogs added so far, or
    /// when all dialogs are listed. For dialogs that are costly to build (with their services) and rarely needed in
    /// a given turn — a turn that continues one dialog does not need the others.
    /// </summary>
    public DialogSet AddDeferred(Func<IEnumerable<Dialog>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        (deferred ??= []).Add(source);
        return this;
    }

    /// <summary>The dialog with <paramref name="dialogId"/>, or null.</summary>
    public Dialog? Find(string dialogId)
    {
        if (dialogs.TryGetValue(dialogId, out var dialog))
        {
            return dialog;
        }

        return Materialize() ? dialogs.GetValueOrDefault(dialogId) : null;
    }

    public IEnumerable<Dialog> GetDialogs()
    {
        Materialize();
        return dialogs.Values;
    }

    // Creates the deferred dialogs (once); true when there were any.
    private bool Materialize()
    {
        if (deferred is not { Count: > 0 } sources)
        {
            return false;
        }

        deferred = null;
        foreach (var source in sources)
        {
            foreach (var dialog in source())
            {
                Add(dialog);
            }
        }

        return true;
    }

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
