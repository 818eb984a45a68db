using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// <see cref="PromptOptions.Recap"/>: what a question is about, sent again with it when it is asked again after help,
/// never when it is first asked (the caller sent it just before) nor with a retry.
/// </summary>
public sealed class PromptRecapTests
{
    private const string Summary = "Eligibility: eligible\n\nLump sum: EUR 780";
    private const string Help = "Answer the question below. You can type \"cancel\" to stop, or \"start over\" to begin again.";

    /// <summary>Up to the question, asked once after the summary.</summary>
    private static TestFlow ToTheQuestion() => DialogTestHost.Flow(new MemoryStorage(), () =>
    {
        var root = new InterruptibleComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(Summary, ct);
                var options = PromptOptions.Text("What next?", "Please choose one.");
                options.Choices = [new Choice("Submit"), new Choice("Cancel")];
                options.Recap = Activity.CreateMessage(Summary);
                return await step.PromptAsync("finish", options, ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Result: {((FoundChoice)step.Result!).Value}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new ChoicePrompt("finish"));
        return root;
    })
        .Send("hi")
        .AssertReply(Summary)
        .AssertReply(r => Assert.Equal("What next?", r.Text), "the question, once")
        .AssertNoReply();

    [Fact]
    public async Task RepromptDialogAsync_AfterHelp_TheRecapThenTheQuestionWithItsButtons()
    {
        await ToTheQuestion()
            .Send("help")
            .AssertReply(Help)
            .AssertReply(r => Assert.Equal((Summary, null), (r.Text, r.InputHint)), "the recap")
            .AssertReply(r => Assert.Equal(2, Assert.Single(r.Attachments!).Content!.Value.GetProperty("actions").GetArrayLength()), "the question's buttons")
            .AssertNoReply()
            .Send("submit")
            .AssertReply("Result: Submit")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_AnAnswerThatIsNoChoice_TheRetryWithoutTheRecap()
    {
        await ToTheQuestion()
            .Send("hmm")
            .AssertReply(r => Assert.Equal("Please choose one.", r.Text), "the retry alone")
            .AssertNoReply()
            .StartTestAsync();
    }
}
