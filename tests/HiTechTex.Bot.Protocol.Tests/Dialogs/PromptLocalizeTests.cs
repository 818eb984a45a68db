using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary><see cref="Prompt{T}.Localize"/>: a prompt asked again speaks the current turn's language, text and buttons alike.</summary>
public sealed class PromptLocalizeTests
{
    private static PromptOptions Question(string? locale) => locale?.StartsWith("pt", StringComparison.Ordinal) == true
        ? PromptOptions.Text("Continuamos?", "Responda sim ou não: continuamos?")
        : PromptOptions.Text("Shall we go on?", "Please answer yes or no: shall we go on?");

    private static Activity Message(string text, string locale) => new() { Type = ActivityTypes.Message, Text = text, Locale = locale };

    private static Action<Activity> Expect(string text, params string[] buttons) => reply =>
    {
        Assert.Equal(text, reply.Text);
        var actions = Assert.Single(reply.Attachments!).Content!.Value.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString());
        Assert.Equal(buttons, actions);
    };

    [Fact]
    public async Task ContinueDialogAsync_LocaleChangedBeforeARetry_RetryAndButtonsInTheNewLanguage()
    {
        await PromptHost.Flow(
                () => new ConfirmPrompt("c") { Localize = (context, _) => Question(context.Activity.Locale) },
                Question("en-GB"),
                configure: adapter => adapter.Locale = "en-GB")
            .Send("hi").AssertReply(Expect("Shall we go on?", "Yes", "No"))
            .Send(() => Message("hmm", "pt-PT")).AssertReply(Expect("Responda sim ou não: continuamos?", "Sim", "Não"))
            .Send(() => Message("sim", "pt-PT")).AssertReply("Result: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_NoLocalize_RetryAsStoredWhateverTheLocale()
    {
        await PromptHost.Flow(() => new ConfirmPrompt("c"), Question("en-GB"), configure: adapter => adapter.Locale = "en-GB")
            .Send("hi").AssertReply(Expect("Shall we go on?", "Yes", "No"))
            .Send(() => Message("hmm", "en-GB")).AssertReply(Expect("Please answer yes or no: shall we go on?", "Yes", "No"))
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_LocalizedOptions_KeepTheirMaximumOfAttempts()
    {
        PromptOptions Options(string? locale)
        {
            var options = Question(locale);
            options.MaxAttempts = 2;
            return options;
        }

        await PromptHost.Flow(() => new ConfirmPrompt("c") { Localize = (context, _) => Options(context.Activity.Locale) }, Options("en-GB"),
                configure: adapter => adapter.Locale = "en-GB")
            .Send("hi").AssertReply(Expect("Shall we go on?", "Yes", "No"))
            .Send(() => Message("hmm", "pt-PT")).AssertReply(Expect("Responda sim ou não: continuamos?", "Sim", "Não"))
            .Send(() => Message("hmm", "pt-PT")).AssertReplyContains("").AssertReply("Gave up after 2")
            .StartTestAsync();
    }
}
