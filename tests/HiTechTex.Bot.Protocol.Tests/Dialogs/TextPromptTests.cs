using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class TextPromptTests
{
    [Fact]
    public async Task ContinueDialogAsync_Text_EndsWithTrimmedText()
    {
        await PromptHost.Flow(() => new TextPrompt("p"), PromptOptions.Text("Your city?"))
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal("Your city?", reply.Text);
                Assert.Equal("expectingInput", reply.InputHint);
                Assert.Equal("a:conversation-1", reply.Conversation?.Id);
                Assert.Equal("29:user-1", reply.Recipient?.Id);
            })
            .Send("  Porto ").AssertReply("Result: Porto")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_EmptyMessage_SendsRetryPrompt()
    {
        await PromptHost.Flow(() => new TextPrompt("p"), PromptOptions.Text("Your city?", "Please type a city."))
            .Send("hi").AssertReply("Your city?")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "" }).AssertReply("Please type a city.")
            .Send("Braga").AssertReply("Result: Braga")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_NonMessageActivity_KeepsWaitingWithoutAttempt()
    {
        var options = PromptOptions.Text("Your city?");
        options.MaxAttempts = 1;
        await PromptHost.Flow(() => new TextPrompt("p"), options)
            .Send("hi").AssertReply("Your city?")
            .Send(new Activity { Type = ActivityTypes.Typing }).AssertNoReply()
            .Send("Braga").AssertReply("Result: Braga")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_Refuses_RetriesUntilValidWithAttemptCount()
    {
        var attempts = new List<int>();
        Task<bool> Validator(PromptValidatorContext<string> prompt, CancellationToken ct)
        {
            attempts.Add(prompt.AttemptCount);
            return Task.FromResult(prompt.Recognized.Value!.Length >= 3);
        }

        await PromptHost.Flow(() => new TextPrompt("p", Validator), PromptOptions.Text("Code?", "At least 3 characters."))
            .Send("hi").AssertReply("Code?")
            .Send("ab").AssertReply("At least 3 characters.")
            .Send("x").AssertReply("At least 3 characters.")
            .Send("abc").AssertReply("Result: abc")
            .StartTestAsync();
        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task Validator_SendsItsOwnMessage_NoRetryPromptAdded()
    {
        static async Task<bool> Validator(PromptValidatorContext<string> prompt, CancellationToken ct)
        {
            await prompt.Context.SendActivityAsync(prompt.Context.Activity.CreateReply("Too short!"), ct);
            return false;
        }

        await PromptHost.Flow(() => new TextPrompt("p", Validator), PromptOptions.Text("Code?", "Retry"))
            .Send("hi").AssertReply("Code?")
            .Send("ab").AssertReply("Too short!").AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_Exceeded_SendsPoliteMessageAndEndsWithAttemptsExceeded()
    {
        var options = PromptOptions.Text("Code?", "Retry");
        options.MaxAttempts = 2;
        static Task<bool> Never(PromptValidatorContext<string> prompt, CancellationToken ct) => Task.FromResult(false);

        await PromptHost.Flow(() => new TextPrompt("p", Never), options)
            .Send("hi").AssertReply("Code?")
            .Send("a").AssertReply("Retry")
            .Send("b").AssertReplyContains("couldn't understand").AssertReply("Gave up after 2")
            .Send("hello again").AssertReply("Code?")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_NotSet_GivesUpAfterTheStandardMaximum()
    {
        // Options without a maximum: the prompt does not ask forever.
        static Task<bool> Never(PromptValidatorContext<string> prompt, CancellationToken ct) => Task.FromResult(false);

        await PromptHost.Flow(() => new TextPrompt("p", Never), PromptOptions.Text("Code?", "Retry"))
            .Send("hi").AssertReply("Code?")
            .Send("a").AssertReply("Retry")
            .Send("b").AssertReply("Retry")
            .Send("c").AssertReplyContains("couldn't understand").AssertReply($"Gave up after {TextPrompt.StandardMaxAttempts}")
            .StartTestAsync();
        Assert.Equal(3, TextPrompt.StandardMaxAttempts);
    }

    [Fact]
    public async Task DefaultMaxAttempts_OfThePrompt_AppliesWhenTheOptionsSetNone_AndTheOptionsWin()
    {
        static Task<bool> Never(PromptValidatorContext<string> prompt, CancellationToken ct) => Task.FromResult(false);
        await PromptHost.Flow(() => new TextPrompt("p", Never) { DefaultMaxAttempts = 1 }, PromptOptions.Text("Code?", "Retry"))
            .Send("hi").AssertReply("Code?")
            .Send("a").AssertReplyContains("couldn't understand").AssertReply("Gave up after 1")
            .StartTestAsync();

        var options = PromptOptions.Text("Code?", "Retry");
        options.MaxAttempts = 2;
        await PromptHost.Flow(() => new TextPrompt("p", Never) { DefaultMaxAttempts = 1 }, options)
            .Send("hi").AssertReply("Code?")
            .Send("a").AssertReply("Retry")
            .Send("b").AssertReplyContains("couldn't understand").AssertReply("Gave up after 2")
            .StartTestAsync();
    }

    [Fact]
    public void DefaultMaxAttempts_EveryQuestionPromptHasOne_TheCardFormNone()
    {
        Assert.Equal(3, new TextPrompt("t").DefaultMaxAttempts);
        Assert.Equal(3, new ConfirmPrompt("c").DefaultMaxAttempts);
        Assert.Equal(3, new ChoicePrompt("ch").DefaultMaxAttempts);
        Assert.Equal(3, new NumberPrompt<int>("n").DefaultMaxAttempts);
        Assert.Null(new CardFormPrompt("f").DefaultMaxAttempts);   // the card keeps what was typed: asking again loses nothing
    }

    [Fact]
    public async Task MaxAttempts_CustomMessage_IsSent()
    {
        var options = PromptOptions.Text("Code?");
        options.MaxAttempts = 1;
        options.TooManyAttemptsPrompt = Activity.CreateMessage("Let's leave it there.");

        await PromptHost.Flow(() => new TextPrompt("p", (_, _) => Task.FromResult(false)), options)
            .Send("hi").AssertReply("Code?")
            .Send("a").AssertReply("Let's leave it there.").AssertReply("Gave up after 1")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialogAsync_WithoutPromptOptions_Throws()
    {
        var root = new HiTechTex.Bot.Protocol.Dialogs.ComponentDialog("root");
        root.AddDialog(new HiTechTex.Bot.Protocol.Dialogs.WaterfallDialog("steps", [(step, ct) => step.BeginDialogAsync("p", "not options", ct)]));
        root.AddDialog(new TextPrompt("p"));

        var flow = DialogTestHost.Flow(new HiTechTex.Bot.Protocol.State.MemoryStorage(), () => root).Send("hi");

        await Assert.ThrowsAsync<ArgumentException>(() => flow.StartTestAsync());
    }
}
