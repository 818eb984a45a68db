namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>What a dialog operation left the stack in, and the result of a completed dialog.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
