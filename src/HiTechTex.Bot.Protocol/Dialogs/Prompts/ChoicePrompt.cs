using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as Adaptive Card buttons (see
/// <see cref="ChoiceListStyle"/>). Typed answers match by value, synonym, number, partially or with small typos.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? [];
        return options.Style == ChoiceListStyle.AdaptiveCard && choices.Count > 0
            ? SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken, PromptActivities.ButtonsCard(choices.Select(c => c.Value), PromptIdOf(state)))
            : SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceRecognizer.Recognize(PromptActivities.GetAnswerText(turnContext.Activity), options.Choices ?? []);
        return Task.FromResult(found is null
            ? PromptRecognizerResult<FoundChoice>.Failure()
            : PromptRecognizerResult<FoundChoice>.Success(found));
    }
}
