using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// "only companies in Portugal" in the six languages: the restrictor ("only", "só", "solo", "soltanto", "sadece",
/// "pouze"…) and the generic noun for organisations ("empresas", "aziende", "firmalar", "firmy") are no search words —
/// they were, and the search looked for "only" in Portugal ("No organisation matches") — while the country and the kind
/// named still filter the search.
/// </summary>
public sealed class SearchRestrictorTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("only companies in Portugal", "PT")]
    [InlineData("find only companies in Portugal", "PT")]
    [InlineData("find partners only in Italy", "IT")]
    [InlineData("só empresas em Portugal", "PT")]
    [InlineData("procuro parceiros, somente empresas em Portugal", "PT")]
    [InlineData("apenas empresas em Espanha", "ES")]
    [InlineData("solo empresas en España", "ES")]
    [InlineData("busco socios, solamente empresas en España", "ES")]
    [InlineData("únicamente empresas en Italia", "IT")]
    [InlineData("solo aziende in Italia", "IT")]
    [InlineData("cerco partner, soltanto aziende in Italia", "IT")]
    [InlineData("sadece Türkiye'deki firmalar", "TR")]
    [InlineData("yalnızca Türkiye'deki firmalar", "TR")]
    [InlineData("sadece Türkiye'de partner arıyorum", "TR")]
    [InlineData("pouze firmy v Česku", "CZ")]
    [InlineData("jenom firmy v Česku", "CZ")]
    [InlineData("hledám partnery, pouze firmy v Česku", "CZ")]
    public void Recognize_OnlyCompaniesInACountry_APartnerSearchThereWithoutSearchWords(string typed, string country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.Empty(result.Entities.Keywords);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.False(query.IsEmpty);
        Assert.Equal("", query.Q);
        Assert.Equal(country, query.Country);
    }

    /// <summary>
    /// "solo aziende in Italia" was read as English ("solo" is Spanish too, "in" English): the answer came in English. The
    /// nouns for companies and the restrictors of one language say which it is.
    /// </summary>
    [Theory]
    [InlineData("only companies in Italy", "en")]
    [InlineData("solo aziende in Italia", "it")]
    [InlineData("soltanto aziende in Italia", "it")]
    [InlineData("solo imprese in Italia", "it")]
    [InlineData("só empresas em Portugal", "pt")]
    [InlineData("solo empresas en España", "es")]
    [InlineData("sadece Türkiye'deki firmalar", "tr")]
    [InlineData("pouze firmy v Česku", "cs")]
    public void Recognize_OnlyCompaniesInACountry_InTheLanguageTyped(string typed, string language)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(language, result.Language);
    }

    [Theory]
    [InlineData("just research centres", "RTO", null)]
    [InlineData("only SMEs in Italy", "SME", "IT")]
    [InlineData("apenas centros tecnológicos em Portugal", "RTO", "PT")]
    [InlineData("somente universidades em Portugal", "University", "PT")]
    [InlineData("solo universidades en España", "University", "ES")]
    [InlineData("soltanto università in Italia", "University", "IT")]
    [InlineData("sadece Türkiye'deki üniversiteler", "University", "TR")]
    [InlineData("pouze univerzity v Česku", "University", "CZ")]
    public void Recognize_OnlyAKindOfOrganisation_TheKindFiltersAndNoRestrictorIsAKeyword(string typed, string kind, string? country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(kind, result.Entities.OrganisationKind);
        Assert.Equal(country, result.Entities.Country);
        Assert.Empty(result.Entities.Keywords);
    }

    [Theory]
    [InlineData("find only dyeing companies in Italy", "dyeing")]
    [InlineData("procuro só empresas de tinturaria em Itália", "tinturaria")]
    [InlineData("busco solo empresas de tintura en Italia", "tintura")]
    [InlineData("cerco solo aziende di tintoria in Italia", "tintoria")]
    [InlineData("sadece İtalya'daki boyama firmaları", "boyama")]
    [InlineData("hledám pouze firmy na barvení v Itálii", "barvení")]
    public void Recognize_OnlyAndWhatToLookFor_TheWordsToLookForStay(string typed, string keyword)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("IT", result.Entities.Country);
        Assert.Equal([keyword], result.Entities.Keywords);
    }

    [Theory]
    [InlineData("I want to go to Italy for a week")]
    [InlineData("companies")]
    [InlineData("only")]
    public void Recognize_NoOrganisationsSomewhere_NoPartnerSearchIsMadeUp(string typed)
    {
        Assert.NotEqual(Intent.FindPartners, recognizer.Recognize(typed, null).Intent);
    }

    [Fact]
    public void Clean_ModelsKeywords_RestrictorsAndOrganisationNounsLeftOutTheRestAsTyped()
    {
        IReadOnlyList<string> cleaned = SearchRestrictors.Clean(["only", "Só empresas", "solo tintura", "Färberei", "pouze", "sadece firmalar", "dyeing"]);

        Assert.Equal(["tintura", "Färberei", "dyeing"], cleaned);
    }

    /// <summary>A Turkish ending keeps its apostrophe when the word after it is left out: the place reading still sees the ending.</summary>
    [Fact]
    public void Clean_ModelsKeywordWithATurkishEndingAndPeople_TheEndingStaysOnTheName()
    {
        IReadOnlyList<string> cleaned = SearchRestrictors.Clean(["Çorlu'daki paydaşlar", "sadece Bursa’daki firmalar", "solo tessuti d'arredo"]);

        Assert.Equal(["çorlu'daki", "bursa’daki", "tessuti d'arredo"], cleaned);
    }
}
