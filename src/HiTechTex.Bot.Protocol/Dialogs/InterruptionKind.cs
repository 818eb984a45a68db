namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>A global command the user can type at any point of a dialog.</summary>
public enum InterruptionKind
{
    None,
    Help,
    Cancel,
    StartOver,
}
