namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>The state of the dialog stack after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack is empty: nothing was running.</summary>
    Empty,

    /// <summary>The active dialog waits for the user's next activity.</summary>
    Waiting,

    /// <summary>The last dialog on the stack completed; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,
}
