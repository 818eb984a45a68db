using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// <see cref="PromptOptions.Recap"/>: what a question is about, sent again with it when it is asked again after help,
/// never when it is first asked (the caller sent it just before) nor with a retry — and kept when the prompt's
/// <see cref="Prompt{T}.Localize"/> builds its options anew.
/// </summary>
public sealed class PromptRecapTests
{
    private const string Summary = "Eligibility: eligible\n\nLump sum: EUR 780";
    private const string Help = "Answer the question below. You can type \"cancel\" to stop, or \"start over\" to begin again.";

    /// <summary>Up to the question, asked once after the summary; <paramref name="prompt"/>: the question's prompt, a plain choice prompt by default.</summary>
    private static TestFlow ToTheQuestion(Func<Dialog>? prompt = null) => DialogTestHost.Flow(new MemoryStorage(), () =>
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
        root.AddDialog(prompt?.Invoke() ?? new ChoicePrompt("finish"));
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

    [Fact]
    public async Task RepromptDialogAsync_LocalizeBuildsNewOptionsWithoutTheRecap_TheRecapStillComesFirst()
    {
        // The localizer words the question and its choices as if just begun and knows nothing of the recap: before, the
        // recap was dropped unless it copied it, and the question came back alone.
        var prompt = () => new ChoicePrompt("finish")
        {
            Localize = (_, _) => new PromptOptions
            {
                Prompt = Activity.CreateMessage("What next, now?"),
                RetryPrompt = Activity.CreateMessage("Please choose one."),
                Choices = [new Choice("Submit"), new Choice("Cancel")],
            },
        };

        await ToTheQuestion(prompt)
            .Send("help")
            .AssertReply(Help)
            .AssertReply(r => Assert.Equal((Summary, null), (r.Text, r.InputHint)), "the recap")
            .AssertReply(r => Assert.Equal("What next, now?", r.Text), "the localized question")
            .AssertNoReply()
            .Send("hmm")
            .AssertReply(r => Assert.Equal("Please choose one.", r.Text), "the retry alone")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public void Copy_EveryOptionSet_EveryOptionKept()
    {
        // Through reflection: an option added later is checked without this test being told of it (each value differs
        // from the default, and is the same object in the copy).
        var options = new PromptOptions();
        foreach (var property in typeof(PromptOptions).GetProperties())
        {
            property.SetValue(options, Sample(property.PropertyType));
        }

        var copy = options.Copy();

        Assert.NotSame(options, copy);
        Assert.All(typeof(PromptOptions).GetProperties(), p => Assert.Equal(p.GetValue(options), p.GetValue(copy)));

        static object Sample(Type type) =>
            type == typeof(Activity) ? Activity.CreateMessage(Guid.NewGuid().ToString()) :
            type == typeof(List<Choice>) ? new List<Choice> { new("x") } :
            type == typeof(ChoiceListStyle) ? ChoiceListStyle.None :
            type == typeof(int?) ? 7 :
            type == typeof(object) ? new object() :
            throw new InvalidOperationException($"No sample for {type}: add one so that the copy of it is checked.");
    }
}
