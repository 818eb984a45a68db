using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The delete-my-data question has a limit: after <see cref="DeleteDataDialog.ConfirmAttempts"/> answers that are no
/// yes or no it ends, and running out of answers means no — nothing is deleted; it says so and how to ask again, and
/// the next message starts normally. Turn by turn through the real main dialog.
/// </summary>
public sealed class ConfirmationAttemptsTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string> Languages => [.. ConversationTexts.All.Select(t => t.Language)];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task DeleteMyData_ThreeAnswersThatAreNoYesOrNo_NothingDeletedSaysSoAndHowToAskAgain(string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);
        Assert.Equal(3, DeleteDataDialog.ConfirmAttempts);

        // Before: the question was asked again and again, for ever.
        await host.Flow()
            .Send(texts.DeleteDataCommands[0])
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("perhaps")
            .AssertReply(texts.ConfirmDeleteDataRetry)
            .Send("later")
            .AssertReply(texts.ConfirmDeleteDataRetry)
            .Send("hmm")
            .AssertReply(texts.DeleteDataGaveUp)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, language), await host.ReadProfileAsync());

        // Nothing waits any more: the command starts the question anew, and a no still keeps everything.
        await host.Flow()
            .Send(texts.DeleteDataCommands[0])
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("perhaps")
            .AssertReply(texts.ConfirmDeleteDataRetry)
            .StartTestAsync();
        Assert.NotNull(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task DeleteMyData_GaveUp_TheNextMessageIsAnsweredAsUsual()
    {
        await host.SeedProfileAsync("en");
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("delete my data")
            .AssertReplyContains("Delete now?")
            .Send("perhaps").AssertReply(texts.ConfirmDeleteDataRetry)
            .Send("later").AssertReply(texts.ConfirmDeleteDataRetry)
            .Send("hmm").AssertReply(texts.DeleteDataGaveUp)
            .Send("help")
            .AssertReply(reply => Assert.NotEqual(texts.ConfirmDeleteDataRetry, reply.Text), "not the delete question")
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }

    /// <summary>
    /// "delete my data" typed again at its own question: no answer (no try used) and not a second question — said to be
    /// under way, and the question asked again, which its yes still answers.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task DeleteMyData_TypedAgainAtItsQuestion_UnderWayAndAskedAgain(string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(texts.DeleteDataCommands[0])
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send(texts.DeleteDataCommands[0])
            .AssertReply(texts.AlreadyUnderway)
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal), "asked again")
            .Send(texts.DeleteDataCommands[^1])
            .AssertReply(texts.AlreadyUnderway)
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal), "asked again")
            .Send("perhaps")
            .AssertReply(texts.ConfirmDeleteDataRetry)
            .Send("perhaps")
            .AssertReply(texts.ConfirmDeleteDataRetry)
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void GaveUpTexts_SayHowToTryAgain_WithACommandTheBotKnows(string language)
    {
        var texts = ConversationTexts.For(language);

        // The delete command quoted is one the bot obeys.
        Assert.Contains(texts.DeleteDataCommands, c => texts.DeleteDataGaveUp.Contains(c, StringComparison.OrdinalIgnoreCase));
        Assert.True(DeleteDataJourney.IsCommand(Quoted(texts.DeleteDataGaveUp)), texts.DeleteDataGaveUp);

        // The cancel word quoted in "leave what we started?"'s end is one the bot obeys.
        Assert.Equal(InterruptionKind.Cancel, InterruptionRecognizer.Recognize(Quoted(texts.LeaveUnfinishedGaveUp)));
    }

    /// <summary>The text between the first pair of quotes ("…" or „…“).</summary>
    private static string Quoted(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, "[\"„](?<q>[^\"“]+)[\"“]");
        Assert.True(match.Success, text);
        return match.Groups["q"].Value;
    }
}
