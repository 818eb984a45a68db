using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Half an emoji (a lone surrogate, what a cut inside a surrogate pair leaves) made every folding of text throw in
/// string.Normalize ("String contains invalid Unicode code points") and so failed the turn. Every cut now keeps pairs
/// whole; should one still arrive, the foldings read it as U+FFFD, a separator like any symbol.
/// </summary>
public sealed class LoneSurrogateTests
{
    private const string HalfEmoji = "\uD83E";   // the high half of 🧵 (U+1F9F5)

    [Fact]
    public void TextFolding_LoneSurrogate_FoldsAsASeparator()
    {
        Assert.Equal("nao tecidos \uFFFD", TextFolding.Fold("Não tecidos " + HalfEmoji));
        Assert.Equal(["nao", "tecidos", "porto"], TextFolding.Tokens("Não tecidos" + HalfEmoji + "Porto"));
    }

    [Fact]
    public void TextNormalizer_LoneSurrogate_NormalizedAndTokenizedWithoutIt()
    {
        Assert.Equal("laboratorio \uFFFD", TextNormalizer.Normalize("Laboratório " + HalfEmoji));
        Assert.Equal(["laboratorio", "porto"], TextNormalizer.Tokenize("Laboratório" + HalfEmoji + "Porto").Select(t => t.Norm));
    }

    [Fact]
    public void OrganisationMatcher_SearchWithALoneSurrogate_StillFindsTheOrganisation()
    {
        var found = OrganisationMatcher.Find(HiTechTexPartners.All, "Clutex " + HalfEmoji, 10);

        Assert.Equal([HiTechTexPartners.ClutexId], found.Select(o => o.Id));
    }

    [Fact]
    public void TypedCommand_LoneSurrogate_FoldsWithoutThrowing()
    {
        Assert.Equal("lingua \uFFFD", TypedCommand.Fold("/Língua " + HalfEmoji));
    }

    [Fact]
    public void IntentText_EmojiAtTheLimit_LeftOutWhole()
    {
        var text = new string('a', IntentText.MaxLength - 1) + "\U0001F9F5 rest";

        Assert.Equal(new string('a', IntentText.MaxLength - 1), IntentText.Bounded(text));
    }

    [Theory]
    [InlineData("aaaaaaaa\U0001F9F5bbbbbbbbbb", "aaaaaaaa…")]          // the limit falls inside the emoji
    [InlineData("aaaaaaa\U0001F9F5bbbbbbbbbb", "aaaaaaa\U0001F9F5…")]  // the emoji ends at the limit
    public void PartnerCardsShorten_NoSpaceToCutAt_EmojiKeptOrLeftOutWhole(string text, string expected)
    {
        Assert.Equal(expected, PartnerCards.Shorten(text, 10));
    }
}
