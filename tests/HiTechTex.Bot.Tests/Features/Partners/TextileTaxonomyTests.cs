using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class TextileTaxonomyTests
{
    [Fact]
    public void Terms_All_HaveUniqueIdsAndNamesInSixLanguages()
    {
        Assert.Equal(TextileTaxonomy.Terms.Count, TextileTaxonomy.Terms.Select(t => t.Id).Distinct().Count());
        Assert.All(TextileTaxonomy.Terms, t =>
            Assert.All(new[] { "en", "pt", "es", "it", "tr", "cs" }, l => Assert.NotEmpty(t.Names[l])));
    }

    [Fact]
    public void IdOf_StagesAndServices_AreStablePrefixedSlugs()
    {
        Assert.Equal("stage:making-up", TextileTaxonomy.IdOf(ValueChainStage.MakingUp));
        Assert.Equal("stage:end-of-life", TextileTaxonomy.IdOf(ValueChainStage.EndOfLife));
        Assert.Equal("service:testing-lab", TextileTaxonomy.IdOf(PartnerService.TestingLab));
        Assert.All(Enum.GetValues<ValueChainStage>(), s => Assert.NotNull(TextileTaxonomy.Find(TextileTaxonomy.IdOf(s))));
        Assert.All(Enum.GetValues<PartnerService>(), s => Assert.NotNull(TextileTaxonomy.Find(TextileTaxonomy.IdOf(s))));
    }

    [Theory]
    [InlineData("Não-tecidos para filtros", TextileTaxonomy.Nonwovens)]
    [InlineData("TESSUTO NON TESSUTO", TextileTaxonomy.Nonwovens)]
    [InlineData("dokunmamis yüzey", TextileTaxonomy.Nonwovens)]
    [InlineData("trattamenti antimicrobici", TextileTaxonomy.FunctionalFinishing)]
    [InlineData("nonwovns", TextileTaxonomy.Nonwovens)]
    [InlineData("zkušební laboratoř", "service:testing-lab")]
    public void VocabularyMatcher_SynonymInAnyLanguageOrWithTypo_MapsToTaxonomyId(string text, string expected)
    {
        var matches = VocabularyMatcher.ForTaxonomy().Find(text, allowTypos: true);

        Assert.Contains(expected, matches.Select(m => m.Key));
    }

    [Fact]
    public void VocabularyMatcher_UnrelatedText_MatchesNothing()
    {
        Assert.Empty(VocabularyMatcher.ForTaxonomy().Find("the quick brown fox", allowTypos: true));
    }
}
