using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Asks for free text; any message that shows something is an answer (trimmed). One of only spaces or only zero-width
/// characters (<see cref="VisibleText.ShowsNothing"/>) is none: asked again, a try used.
/// </summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken);

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(VisibleText.ShowsNothing(text)
            ? PromptRecognizerResult<string>.Failure()
            : PromptRecognizerResult<string>.Success(text));
    }
}
