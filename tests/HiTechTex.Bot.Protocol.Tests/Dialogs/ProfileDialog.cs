using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>A two-question component: name (text) then age (integer), ending with "Ana (30)".</summary>
internal sealed class ProfileDialog : ComponentDialog
{
    public const string NamePrompt = "What's your name?";

    public ProfileDialog(string id = "profile", int? maxAttempts = null)
        : base(id)
    {
        MaxAttempts = maxAttempts;
        AddDialog(new WaterfallDialog($"{id}.steps", [AskNameAsync, AskAgeAsync, SummariseAsync]));
        AddDialog(new TextPrompt($"{id}.name"));
        AddDialog(new NumberPrompt<int>($"{id}.age", AgeIsPlausibleAsync));
    }

    private int? MaxAttempts { get; }

    private Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken ct) =>
        step.PromptAsync($"{Id}.name", PromptOptions.Text(NamePrompt), ct);

    private Task<DialogTurnResult> AskAgeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["name"] = (string)step.Result!;
        var options = PromptOptions.Text($"How old are you, {step.Result}?", "Please give your age as a number between 1 and 120.");
        options.MaxAttempts = MaxAttempts;
        return step.PromptAsync($"{Id}.age", options, ct);
    }

    private async Task<DialogTurnResult> SummariseAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var name = step.GetValue<string>("name");
        if (step.PromptAttemptsExceeded)
        {
            await step.Context.SendActivityAsync($"No age for {name}.", ct);
            return await step.EndDialogAsync(null, ct);
        }

        var summary = $"{name} ({step.Result})";
        await step.Context.SendActivityAsync($"Thanks, {summary}.", ct);
        return await step.EndDialogAsync(summary, ct);
    }

    private static Task<bool> AgeIsPlausibleAsync(PromptValidatorContext<int> prompt, CancellationToken ct) =>
        Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is > 0 and <= 120);
}
