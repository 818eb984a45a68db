using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// A question asked on top of another (a waterfall and its prompt pushed over a waiting prompt), dropped by the root
/// in the middle of a turn: <see cref="DialogContext.CancelActiveDialogAsync"/> pops it without resuming the prompt
/// below, which then takes the same message as its answer; <see cref="WaterfallDialog.ValuesOf"/> reads what the
/// dropped question kept, after a reload from storage.
/// </summary>
public sealed class DialogContextCancelActiveTests
{
    private sealed class AsideRoot : ComponentDialog
    {
        public AsideRoot()
            : base("root")
        {
            AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("name", PromptOptions.Text("Name?"), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(step.Context.Activity.CreateReply($"Hello {step.Result}"), ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            AddDialog(new TextPrompt("name"));
            AddDialog(new WaterfallDialog("aside",
            [
                (step, ct) =>
                {
                    step.Values["asked"] = "colour";
                    return step.PromptAsync("aside.prompt", PromptOptions.Text("Colour?"), ct);
                },
                (step, ct) => step.EndDialogAsync(null, ct),
            ]));
            AddDialog(new TextPrompt("aside.prompt"));
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            var text = innerDc.Context.Activity.Text;
            if (text == "aside")
            {
                return await innerDc.BeginDialogAsync("aside", null, cancellationToken);
            }

            if (innerDc.ActiveDialog?.Id == "aside.prompt" && text?.StartsWith("skip ", StringComparison.Ordinal) == true)
            {
                var asked = WaterfallDialog.ValuesOf(innerDc.Stack[1]).GetValue<string>("asked");
                await innerDc.Context.SendActivityAsync(innerDc.Context.Activity.CreateReply($"Dropped the {asked}"), cancellationToken);
                await innerDc.CancelActiveDialogAsync(cancellationToken);
                await innerDc.CancelActiveDialogAsync(cancellationToken);
                innerDc.Context.Activity.Text = text["skip ".Length..];
            }

            return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    [Fact]
    public async Task CancelActiveDialogAsync_TheQuestionOnTop_DroppedAndThePromptBelowTakesTheSameTurnWithoutAskingAgain()
    {
        // Act / Assert: an EndDialogAsync would have resumed the name prompt, which asks "Name?" again.
        await DialogTestHost.Flow(new MemoryStorage(), () => new AsideRoot())
            .Send("hi").AssertReply("Name?")
            .Send("aside").AssertReply("Colour?")
            .Send("skip Ana").AssertReply("Dropped the colour").AssertReply("Hello Ana")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public void ValuesOf_AnInstanceWithoutValues_IsEmpty()
    {
        // Act / Assert
        Assert.Empty(WaterfallDialog.ValuesOf(new DialogInstance { Id = "aside" }));
    }
}
