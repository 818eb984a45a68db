using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// "SMEs in Italy", "pymes", "centri di ricerca": the organisation type a user names is a filter on the directory, not a
/// word to find in descriptions (which returned a few SMEs whose text says "SME", or none at all), and a question that
/// names one is a partner search.
/// </summary>
public sealed class OrganisationKindSearchTests(SeededPartnerIndexFixture fixture) : IClassFixture<SeededPartnerIndexFixture>
{
    private readonly LocalIntentRecognizer recognizer = new(TimeProvider.System);

    public static TheoryData<string, string, OrganisationKind, string> KindAndCountry => new()
    {
        { "find SMEs in Turkey", "en-US", OrganisationKind.Sme, "TR" },
        { "find SMEs in Italy", "en-US", OrganisationKind.Sme, "IT" },
        { "busco pymes en Italia", "es-ES", OrganisationKind.Sme, "IT" },
        { "cerco PMI in Italia", "it-IT", OrganisationKind.Sme, "IT" },
        { "procuro PMEs em Portugal", "pt-PT", OrganisationKind.Sme, "PT" },
        { "İtalya'da KOBİ arıyorum", "tr-TR", OrganisationKind.Sme, "IT" },
        { "İtalya'daki KOBİ'leri bul", "tr-TR", OrganisationKind.Sme, "IT" },
        { "İtalya'da araştırma merkezleri", "tr-TR", OrganisationKind.Rto, "IT" },
        { "are there technology centres in Spain?", "en-US", OrganisationKind.Rto, "ES" },
        { "¿hay centros tecnológicos en España?", "es-ES", OrganisationKind.Rto, "ES" },
        { "ci sono centri di ricerca in Italia?", "it-IT", OrganisationKind.Rto, "IT" },
        { "quero uma universidade em Espanha", "pt-PT", OrganisationKind.University, "ES" },
        { "jsou nějaké univerzity v Česku?", "cs-CZ", OrganisationKind.University, "CZ" },
    };

    [Theory]
    [MemberData(nameof(KindAndCountry))]
    public void TypedSearch_NamingAKindAndACountry_ListsExactlyThatKindThere(string text, string locale, OrganisationKind kind, string country)
    {
        var recognized = recognizer.Recognize(text, locale);
        var query = FindPartnersDialog.QueryOf(recognized.Entities);
        var results = fixture.Index.Search(query.ToSearch(100));

        Assert.Equal(Intent.FindPartners, recognized.Intent);
        Assert.Equal(kind.ToString(), query.Kind);
        Assert.Equal(country, query.Country);
        var expected = fixture.Seed.Count(o => o.ListingConsent && o.Kind == kind && o.Country == country);
        Assert.True(expected > 0);
        Assert.Equal(expected, results.Total);
        Assert.All(results.Hits, h => Assert.Equal(kind, h.Kind));
    }

    [Fact]
    public void TypedSearch_KindWithARegion_FiltersTheKindAndSearchesTheRegion()
    {
        var recognized = recognizer.Recognize("find clusters in Catalonia", "en-US");
        var query = FindPartnersDialog.QueryOf(recognized.Entities);
        var results = fixture.Index.Search(query.ToSearch(100));

        Assert.Equal(nameof(OrganisationKind.ClusterOrganisation), query.Kind);
        Assert.DoesNotContain(recognized.Entities.Keywords, k => k.Contains("cluster", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.Equal(OrganisationKind.ClusterOrganisation, h.Kind));
    }

    [Fact]
    public void TypedSearch_ALabWithAService_StaysAWordAndFiltersNoKind()
    {
        // "a finishing lab" is a service RTOs offer too: filtering on facility providers would hide them.
        var recognized = recognizer.Recognize("find a finishing lab in Tuscany", "en-US");
        var query = FindPartnersDialog.QueryOf(recognized.Entities);

        Assert.Contains("lab", recognized.Entities.Keywords);
        Assert.Equal("", query.Kind);
    }

    [Theory]
    [InlineData("I don't need a university", "en-US")]
    [InlineData("the weather in Italy is nice", "en-US")]
    public void Text_WithoutAKindOrRefusingIt_StartsNoSearch(string text, string locale) =>
        Assert.NotEqual(Intent.FindPartners, recognizer.Recognize(text, locale).Intent);
}
