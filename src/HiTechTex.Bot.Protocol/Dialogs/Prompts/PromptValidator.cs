namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>A custom check of a recognised answer; true accepts it. Set <see cref="PromptValidatorContext{T}.Reason"/> to explain a refusal.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
