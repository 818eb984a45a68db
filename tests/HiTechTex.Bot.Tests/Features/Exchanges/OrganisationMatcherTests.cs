using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed class OrganisationMatcherTests
{
    [Theory]
    [InlineData("CİTEVE", "hitechtex-citeve")]
    [InlineData("citeve", "hitechtex-citeve")]
    [InlineData("İplik", "iplik")]
    [InlineData("iplik", "iplik")]
    [InlineData("IPLIK", "iplik")]
    [InlineData("ıplık", "iplik")]
    public void Find_TurkishDottedAndDotlessI_Matches(string query, string expectedId)
    {
        var organisations = new[] { ExchangeTestData.Citeve, ExchangeTestData.Citeve with { Id = "iplik", Name = "İplik Tekstil A.Ş.", City = "Denizli", Country = "TR" } };

        var found = OrganisationMatcher.Find(organisations, query, 10);

        Assert.Equal([expectedId], found.Select(o => o.Id));
    }
}
