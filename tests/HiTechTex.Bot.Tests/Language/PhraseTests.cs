using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Language;

public sealed class PhraseTests
{
    [Theory]
    [InlineData("partner", "partner", 0)]
    [InlineData("partner", "partenr", 1)]
    [InlineData("exchange", "exhcange", 1)]
    [InlineData("coaching", "coachin", 1)]
    [InlineData("coaching", "coachign", 1)]
    [InlineData("italy", "itlay", 1)]
    [InlineData("cluster", "custer", 1)]
    [InlineData("search", "research", 2)]
    public void Distance_Words_CountsTranspositionAsOneEdit(string a, string b, int expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b));
    }

    [Theory]
    [InlineData("Laboratório", "laboratorio")]
    [InlineData("İTALYA", "italya")]
    [InlineData("Řecko", "recko")]
    [InlineData("Başvurularım", "basvurularim")]
    [InlineData("Cataluña", "cataluna")]
    public void Normalize_AccentsAndCase_AreRemoved(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("partner*", "partneri", true)]
    [InlineData("partner*", "partnres", true)]
    [InlineData("ortak*", "orta", false)]
    [InlineData("ortak*", "ortasında", false)]    // in the middle of: a short stem with a letter replaced is another word
    [InlineData("ortak*", "ortamı", false)]       // the environment
    [InlineData("ortak*", "otrak", true)]         // two letters swapped is still a typo
    [InlineData("ortak*", "ortaak", true)]        // a letter too many too
    [InlineData("partner*", "partmer", true)]     // a letter replaced in a longer stem still is
    [InlineData("parar", "para", false)]
    [InlineData("cancel", "cancle", true)]
    [InlineData("help", "hell", false)]
    [InlineData("my application*", "my aplications", true)]
    [InlineData("my application*", "application", false)]
    public void FindIn_StemsAndTypos_MatchOnlyWithinOneEditForLongWords(string phrase, string text, bool expected)
    {
        var matches = new Phrase(phrase).FindIn(TextNormalizer.Tokenize(text)).ToList();

        Assert.Equal(expected, matches.Count > 0);
    }

    [Fact]
    public void FindIn_TypoMatch_WeighsLessThanExact()
    {
        var phrase = new Phrase("exchange");

        var exact = Assert.Single(phrase.FindIn(TextNormalizer.Tokenize("exchange")));
        var typo = Assert.Single(phrase.FindIn(TextNormalizer.Tokenize("exchnage")));

        Assert.True(typo.Weight < exact.Weight);
    }

    [Fact]
    public void Tokenize_NumericDates_StayOneToken()
    {
        var tokens = TextNormalizer.Tokenize("from 2026-12-03 to 3. 12. 2026 or 3/12/2026");

        Assert.Equal(["from", "2026-12-03", "to", "3. 12. 2026", "or", "3/12/2026"], tokens.Select(t => t.Raw));
    }
}
