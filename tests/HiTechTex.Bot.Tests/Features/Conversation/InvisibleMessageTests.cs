using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A message that shows nothing is one rule, whatever makes it blank: before, one of only zero-width characters
/// (U+200B, U+200D, U+2060, U+FEFF) got "I didn't understand" and the help card, while one of only spaces got the menu.
/// </summary>
public sealed class InvisibleMessageTests : IDisposable
{
    /// <summary>Stands in a script for the blank answer being compared.</summary>
    private const string Blank = "<blank>";

    private readonly ConversationTestHost host = new();

    public static TheoryData<string> Invisibles => ["\u200B", "\u200D", "\u2060", "\uFEFF", " \u200B\u2060 \uFEFF\u200D "];

    public void Dispose() => host.Dispose();

    [Theory]
    [MemberData(nameof(Invisibles))]
    public async Task Message_OnlyZeroWidthCharacters_AnsweredAsOneOfOnlySpaces(string invisible)
    {
        await host.SeedProfileAsync("en");
        var blank = new List<Activity>();
        var zeroWidth = new List<Activity>();

        await host.Flow().Send("   ").AssertReply(blank.Add, "the reply to spaces").AssertNoReply().StartTestAsync();
        await host.Flow().Send(invisible).AssertReply(zeroWidth.Add, "the reply to zero-width characters").AssertNoReply().StartTestAsync();

        var reply = Assert.Single(zeroWidth);
        Assert.NotEqual(ConversationTexts.En.DidNotUnderstand, reply.Text);
        Assert.Equal(blank[0].Text, reply.Text);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(blank[0].Attachments),
            System.Text.Json.JsonSerializer.Serialize(reply.Attachments));
    }

    /// <summary>
    /// While a first-use question waits — "Shall I call you Ana?" (yes or no), the name and the organisation (text), the
    /// language (a choice) — an answer of only zero-width characters goes where one of only spaces goes, turn by turn:
    /// refused alike, a try used alike, the same question given up on at the same turn.
    /// </summary>
    [Theory]
    [MemberData(nameof(Invisibles))]
    public async Task Answer_OnlyZeroWidthCharacters_AtEachFirstUseQuestion_TreatedAsOneOfOnlySpaces(string invisible)
    {
        string[] atTheConfirmation = ["hello", Blank, Blank, Blank, "CITEVE", Blank, Blank, Blank];
        string[] atTheName = ["hello", "no", Blank, Blank, Blank, Blank, "CITEVE", Blank, "English"];

        foreach (var script in new[] { atTheConfirmation, atTheName })
        {
            var spaces = await TranscriptAsync(script, "   ");
            var zeroWidth = await TranscriptAsync(script, invisible);

            Assert.Equal(spaces, zeroWidth);
            Assert.Contains(spaces, line => line.Contains(ConversationTexts.En.AskOrganisation, StringComparison.Ordinal));
        }
    }

    /// <summary>Every reply (text and number of cards) of each turn of <paramref name="script"/>, <see cref="Blank"/> sent as <paramref name="blank"/>.</summary>
    private static async Task<List<string>> TranscriptAsync(string[] script, string blank)
    {
        using var fresh = new ConversationTestHost();
        var transcript = new List<string>();
        foreach (var (text, turn) in script.Select((t, i) => (t, i)))
        {
            await fresh.Adapter.ProcessActivityAsync(fresh.Adapter.MakeMessage(text == Blank ? blank : text));
            while (fresh.Adapter.Replies.TryDequeue(out var reply))
            {
                transcript.Add($"{turn}: {reply.Text} [{reply.Attachments?.Count ?? 0}]");
            }
        }

        transcript.Add("profile: " + System.Text.Json.JsonSerializer.Serialize(await fresh.ReadProfileAsync()));
        return transcript;
    }
}
