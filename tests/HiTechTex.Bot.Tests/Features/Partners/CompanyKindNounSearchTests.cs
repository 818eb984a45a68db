using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// "manufacturers in Portugal", "proveedores de hilo en España": the noun for the kind of company narrows nothing — the
/// directory's descriptions seldom say "manufacturer" or "proveedor", and searched as a word it found nothing or put
/// the companies that write it first. The search is the one without the noun.
/// </summary>
public sealed class CompanyKindNounSearchTests(SeededPartnerIndexFixture fixture) : IClassFixture<SeededPartnerIndexFixture>
{
    [Theory]
    [InlineData("nonwovens manufacturers in Italy", "nonwovens in Italy")]
    [InlineData("fornecedores de fios em Portugal", "fios em Portugal")]
    [InlineData("proveedores de hilo en España", "hilo en España")]
    [InlineData("produttori di tessuti tecnici in Italia", "tessuti tecnici in Italia")]
    [InlineData("Türkiye'deki tekstil üreticileri", "Türkiye'deki tekstil")]
    [InlineData("výrobci netkaných textilií v Česku", "netkaných textilií v Česku")]
    public void Search_MakersOfSomethingSomewhere_TheSameOrganisationsAsWithoutTheNoun(string withNoun, string without)
    {
        var found = fixture.SearchAsTyped(withNoun);
        var reference = fixture.SearchAsTyped(without);

        Assert.True(reference.Total > 0, $"\"{without}\" found nothing");
        Assert.Equal(reference.Total, found.Total);
        Assert.Equal(reference.Hits.Select(h => h.OrganisationId), found.Hits.Select(h => h.OrganisationId));
    }

    [Theory]
    [InlineData("manufacturers in Portugal", "PT")]
    [InlineData("dodavatelé v Česku", "CZ")]
    public void Search_MakersSomewhere_EveryOrganisationThere(string typed, string country)
    {
        var found = fixture.SearchAsTyped(typed);

        Assert.Equal(fixture.Seed.Count(o => o.ListingConsent && o.Country == country), found.Total);
    }
}
