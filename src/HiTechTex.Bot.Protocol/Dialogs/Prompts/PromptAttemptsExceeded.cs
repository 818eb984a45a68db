namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// The result a prompt ends with when it reached <see cref="PromptOptions.MaxAttempts"/>; the next waterfall step
/// sees it in <see cref="WaterfallStepContext.Result"/> (or <see cref="WaterfallStepContext.PromptAttemptsExceeded"/>).
/// </summary>
public sealed record PromptAttemptsExceeded(string PromptId, int Attempts);
