using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// An answer that shows nothing is no answer at any kind of question, whatever makes it blank: only spaces, or only
/// zero-width characters (U+200B, U+200D, U+2060, U+FEFF) — each is asked again and uses a try, and the third gives up.
/// </summary>
public sealed class BlankAnswerTests
{
    [Theory]
    [MemberData(nameof(KindsAndBlanks))]
    public async Task BlankAnswer_AtEachKindOfQuestion_IsAskedAgainAndUsesATry(string kind, string blank)
    {
        var options = PromptOptions.Text("Question?", "Again?");
        options.MaxAttempts = 3;
        if (kind == "choice")
        {
            options.Choices = [new("Technical textiles"), new("Fashion")];
            options.Style = ChoiceListStyle.None;
        }

        await PromptHost.Flow(() => Prompt(kind), options)
            .Send("hi").AssertReply(_ => { }, "the question")
            .Send(blank).AssertReply("Again?")
            .Send(blank).AssertReply("Again?")
            .Send(blank).AssertReplyContains("Sorry").AssertReply("Gave up after 3")
            .StartTestAsync();
    }

    public static TheoryData<string, string> KindsAndBlanks()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "text", "number", "date", "confirm", "choice" })
        {
            foreach (var blank in new[] { "   ", "\u200B", "\u200D", "\u2060", "\uFEFF", " \u200B\u2060 \uFEFF\u200D " })
            {
                data.Add(kind, blank);
            }
        }

        return data;
    }

    private static Dialog Prompt(string kind) => kind switch
    {
        "text" => new TextPrompt("p"),
        "number" => new NumberPrompt<int>("p"),
        "date" => new DateTimePrompt("p"),
        "confirm" => new ConfirmPrompt("p"),
        _ => new ChoicePrompt("p"),
    };
}
