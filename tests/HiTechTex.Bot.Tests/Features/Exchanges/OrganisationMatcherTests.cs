using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;

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

    [Theory]
    [InlineData("Portugal", "hitechtex-citeve")]
    [InlineData("Portekiz", "hitechtex-citeve")]
    [InlineData("Czech", "hitechtex-clutex")]
    [InlineData("Czech Republic", "hitechtex-clutex")]
    [InlineData("Česká republika", "hitechtex-clutex")]
    [InlineData("República Checa", "hitechtex-clutex")]
    [InlineData("Italia", "hitechtex-ntt-tecnotessile")]
    [InlineData("CZ", "hitechtex-clutex")]
    [InlineData("clutex Czech", "hitechtex-clutex")]
    public void Find_CountryNamedInAnyLanguage_MatchesItsOrganisations(string query, string expectedId)
    {
        var organisations = HiTechTexPartners.All;

        var found = OrganisationMatcher.Find(organisations, query, 10, countryNames: true);

        Assert.Equal([expectedId], found.Select(o => o.Id));
    }

    [Fact]
    public void Find_CountryAndAnotherWord_BothMustMatch()
    {
        var found = OrganisationMatcher.Find(HiTechTexPartners.All, "Portugal clutex", 10, countryNames: true);

        Assert.Empty(found);
    }

    [Fact]
    public void Find_CountryNameWithoutCountryNames_OnlyTheText()
    {
        // The applicant's own organisation is looked up by the profile's name: a country there is no licence for all of its organisations.
        var found = OrganisationMatcher.Find(HiTechTexPartners.All, "Portugal", 10);

        Assert.Empty(found);
    }
}
