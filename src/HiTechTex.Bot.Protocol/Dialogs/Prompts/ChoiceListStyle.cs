namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>How a choice or confirm prompt shows its options.</summary>
public enum ChoiceListStyle
{
    /// <summary>An Adaptive Card with one button per choice; a click sends the choice back as text (imBack).</summary>
    AdaptiveCard,

    /// <summary>Only the prompt text; the user types the answer.</summary>
    None,
}
