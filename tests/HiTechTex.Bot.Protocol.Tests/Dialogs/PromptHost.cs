using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>A root component that runs one prompt and echoes its result as "Result: …" (or "Gave up after N").</summary>
internal static class PromptHost
{
    public static TestFlow Flow(Func<Dialog> createPrompt, PromptOptions options, Func<object?, string>? format = null, Action<TestAdapter>? configure = null)
    {
        Dialog CreateRoot()
        {
            var prompt = createPrompt();
            var root = new ComponentDialog("root");
            root.AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync(prompt.Id, options, ct),
                async (step, ct) =>
                {
                    var text = step.Result is PromptAttemptsExceeded exceeded
                        ? $"Gave up after {exceeded.Attempts}"
                        : $"Result: {(format ?? (r => Convert.ToString(r, System.Globalization.CultureInfo.InvariantCulture)!))(step.Result)}";
                    await step.Context.SendActivityAsync(text, ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]));
            root.AddDialog(prompt);
            return root;
        }

        return DialogTestHost.Flow(new MemoryStorage(), CreateRoot, configure);
    }
}
