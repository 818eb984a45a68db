using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A message that shows nothing is one rule, whatever makes it blank: before, one of only zero-width characters
/// (U+200B, U+200D, U+2060, U+FEFF) got "I didn't understand" and the help card, while one of only spaces got the menu.
/// </summary>
public sealed class InvisibleMessageTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200D")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData(" \u200B\u2060 \uFEFF\u200D ")]
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
}
