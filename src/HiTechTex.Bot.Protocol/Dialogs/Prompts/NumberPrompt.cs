using System.Numerics;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>
/// Asks for a number, read in the user's culture ("3,5" in Portuguese, "3.5" in English). An integer
/// <typeparamref name="T"/> refuses fractions; a number out of range of <typeparamref name="T"/> is refused.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        SendAsync(turnContext, PickPrompt(options, isRetry), cancellationToken);

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var culture = TextNormalizer.Culture(GetLocale(turnContext));
        if (!NumberRecognizer.TryRecognize(turnContext.Activity.Text, culture, out var number))
        {
            return Task.FromResult(PromptRecognizerResult<T>.Failure());
        }

        try
        {
            var value = T.CreateChecked(number);
            if (decimal.CreateChecked(value) != number)
            {
                // 3.5 for an integer prompt: refuse instead of silently rounding.
                return Task.FromResult(PromptRecognizerResult<T>.Failure());
            }

            return Task.FromResult(PromptRecognizerResult<T>.Success(value));
        }
        catch (OverflowException)
        {
            return Task.FromResult(PromptRecognizerResult<T>.Failure());
        }
    }
}
