namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>The persisted dialog stack of a conversation; index 0 is the active (top) dialog.</summary>
public sealed class DialogState
{
    public DialogState()
    {
    }

    /// <summary>A state that shares <paramref name="stack"/> (so changes made through either are the same).</summary>
    public DialogState(List<DialogInstance> stack) => DialogStack = stack;

    public List<DialogInstance> DialogStack { get; set; } = [];
}
