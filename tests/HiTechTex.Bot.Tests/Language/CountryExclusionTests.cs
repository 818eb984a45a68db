using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;
using static HiTechTex.Bot.Tests.Features.Partners.TestOrganisations;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// "find partners not in Italy" in the six languages: Italy is a country to leave out (<see cref="IntentEntities.ExcludedCountries"/>),
/// not the place to search, and "not" is no search word (it was a search for the word "not" in Italy: "No organisation
/// matches"); the search then looks in every other country.
/// </summary>
public sealed class CountryExclusionTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("find partners not in Italy")]
    [InlineData("find partners outside Italy")]
    [InlineData("find partners except Italy")]
    [InlineData("encontrar parceiros não em Itália")]
    [InlineData("procuro parceiros fora de Itália")]
    [InlineData("buscar socios no en Italia")]
    [InlineData("busco socios excepto Italia")]
    [InlineData("trova partner non in Italia")]
    [InlineData("cerco partner tranne l'Italia")]
    [InlineData("cerco partner fuori dall'Italia")]
    [InlineData("İtalya dışında partner arıyorum")]
    [InlineData("italya hariç ortak bul")]
    [InlineData("İtalya'da değil partner arıyorum")]
    [InlineData("najdi partnery ne v Itálii")]
    [InlineData("hledám partnery mimo Itálii")]
    [InlineData("hledám partnery kromě Itálie")]
    public void APartnerSearchNotInItaly_ExcludesItaly_SearchesNoPlace_NoNegationWord(string typed)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Null(result.Entities.Country);
        Assert.Equal(["IT"], result.Entities.ExcludedCountries);
        Assert.Empty(result.Entities.Keywords);
    }

    [Theory]
    [InlineData("find partners in Spain, not in Italy", "ES")]
    [InlineData("procuro parceiros em Espanha, não em Itália", "ES")]
    [InlineData("hledám partnery ve Španělsku, ne v Itálii", "ES")]
    public void AnotherCountryNamed_IsTheSearchsCountry_ItalyLeftOut(string typed, string country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(country, result.Entities.Country);
        Assert.Equal(["IT"], result.Entities.ExcludedCountries);
        Assert.Empty(result.Entities.OtherCountries);
    }

    [Theory]
    [InlineData("find partners in Italy", "IT")]
    [InlineData("no, en Italia busco socios", "IT")]        // an answer "no", then Italy: punctuation between
    [InlineData("busco socios al menos en Italia", "IT")]   // "at least"
    [InlineData("quero parceiros no Porto e em Itália", "IT")] // Portuguese "no" is "in the"
    [InlineData("cerco partner in Italia o Spagna", "IT")]
    [InlineData("I'm not going to Italy, find partners in Italy", "IT")]
    public void NoExclusion_TheCountryIsThePlace(string typed, string country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(country, result.Entities.Country);
        Assert.Empty(result.Entities.ExcludedCountries);
    }

    [Fact]
    public void QueryOf_AnExclusion_SearchesEveryOtherCountry()
    {
        var query = FindPartnersDialog.QueryOf(recognizer.Recognize("find partners not in Italy", null).Entities);

        Assert.False(query.IsEmpty);
        Assert.Equal("", query.Country);
        Assert.Equal("", query.Q);
        Assert.Equal(["IT"], query.ExceptCountries);
    }

    [Fact]
    public void Search_ExceptItaly_FindsEveryOtherCountrysOrganisations_NoItalianOne()
    {
        using var index = IndexOf(Multilingual);

        var all = index.Search(new PartnerSearchQuery(null, Take: 100));
        var except = index.Search(new PartnerSearchQuery(null, Take: 100) { ExceptCountries = ["IT"] });

        Assert.Equal(all.Hits.Count(h => h.Country != "IT"), except.Total);
        Assert.DoesNotContain(except.Hits, h => h.Country == "IT");
        Assert.Contains(except.Hits, h => h.Country == "ES");
    }

    [Fact]
    public void Search_WordsExceptItaly_KeepsTheWordsAndLeavesItalyOut()
    {
        using var index = IndexOf(Multilingual);

        var results = index.Search(new PartnerSearchQuery("finishing lab", Take: 100) { ExceptCountries = ["IT"] });

        Assert.NotEmpty(results.Hits);
        Assert.DoesNotContain("it-lab", results.Ids());
        Assert.Contains("pt-lab", results.Ids());
    }

    [Fact]
    public void CardData_KeepsTheExclusion_ForPagingAndRefining_ACountryChosenWins()
    {
        var query = PartnerQuery.Create("", except: ["it", "xx", "IT"]);
        Assert.Equal("IT", query.Except);

        var back = PartnerQuery.FromCardData(System.Text.Json.JsonSerializer.SerializeToElement(query.ToJson()));
        Assert.Equal(query, back);
        Assert.Equal(["IT"], back.ToSearch(5).ExceptCountries);

        var chosen = PartnerQuery.FromCardData(System.Text.Json.JsonSerializer.SerializeToElement(new { country = "IT", except = "IT,ES" }));
        Assert.Equal("IT", chosen.Country);
        Assert.Equal("ES", chosen.Except);
    }

    [Fact]
    public void Summary_SaysEveryCountryExceptItaly_InTheSixLanguages()
    {
        var query = PartnerQuery.Create("", except: ["IT"]);
        foreach (var language in new[] { "en", "pt", "es", "it", "tr", "cs" })
        {
            var texts = PartnerTexts.Resolve(language);
            Assert.Equal(PartnerTexts.Format(texts.ExceptCountriesFormat, texts.Countries["IT"]), PartnerCards.Summary(texts, query));
        }
    }

    [Theory]
    [InlineData("find partners not in Tuscany", "Tuscany")]
    [InlineData("find partners outside Tuscany", "Tuscany")]
    [InlineData("procuro parceiros fora do Norte", "Norte")]
    [InlineData("encontrar parceiros não na Toscana", "Tuscany")]
    [InlineData("busco socios excepto Cataluña", "Catalonia")]
    [InlineData("buscar socios no en Toscana", "Tuscany")]
    [InlineData("trova partner non in Toscana", "Tuscany")]
    [InlineData("cerco partner fuori dalla Toscana", "Tuscany")]
    [InlineData("Ege dışında partner arıyorum", "Aegean")]
    // With the word for region: the Aegean was the place, and "dışında" a word to look for.
    [InlineData("Ege Bölgesi dışında partner arıyorum", "Aegean")]
    [InlineData("Ege bölgesinde değil, partner arıyorum", "Aegean")]
    [InlineData("Ege Bölgesi'nde değil, partner arıyorum", "Aegean")]
    [InlineData("Toskana hariç ortak bul", "Tuscany")]
    [InlineData("hledám partnery mimo Toskánsko", "Tuscany")]
    [InlineData("najdi partnery ne v Toskánsku", "Tuscany")]
    public void APartnerSearchNotInARegion_ExcludesTheRegion_SearchesNoPlace_NoNegationWord(string typed, string region)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Null(result.Entities.Region);
        Assert.Null(result.Entities.Country);
        Assert.Equal([region], result.Entities.ExcludedRegions);
        Assert.Empty(result.Entities.Keywords);
    }

    /// <summary>
    /// Organisations or people with a place left out and no verb — "companies not in Italy", "Ege Bölgesi dışında havlu
    /// üreticisi" — are a search everywhere else, as "companies in Italy" is one there. Before: "I didn't understand", and
    /// "Ege Bölgesi dışında" searched the Aegean for the word "dışında".
    /// </summary>
    [Theory]
    [InlineData("companies not in Italy", "IT", "", "")]
    [InlineData("towel manufacturers not in Italy", "IT", "", "towel")]
    [InlineData("stakeholders not in Italy", "IT", "", "")]
    [InlineData("Ege dışında havlu üreticisi", "", "Aegean", "havlu")]
    [InlineData("Ege Bölgesi dışında havlu üreticisi", "", "Aegean", "havlu")]
    public void OrganisationsNotInAPlace_APartnerSearchEverywhereElse(string typed, string exceptCountries, string exceptRegions, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.Equal("", query.Country);
        Assert.Equal(exceptCountries, query.Except);
        Assert.Equal(exceptRegions, query.ExceptRegions);
        Assert.Equal(words, query.Q);
    }

    [Fact]
    public void InItalyNotInTuscany_ItalyIsThePlace_TuscanyLeftOut()
    {
        var result = recognizer.Recognize("find partners in Italy but not in Tuscany", null);

        Assert.Equal("IT", result.Entities.Country);
        Assert.Null(result.Entities.Region);
        Assert.Equal(["Tuscany"], result.Entities.ExcludedRegions);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.Equal("IT", query.Country);
        Assert.Equal("Tuscany", query.ExceptRegions);
        Assert.DoesNotContain("Tuscany", query.Q, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void InTuscany_NoExclusion_TheRegionIsThePlace()
    {
        var result = recognizer.Recognize("find partners in Tuscany", null);

        Assert.Equal("Tuscany", result.Entities.Region);
        Assert.Empty(result.Entities.ExcludedRegions);
    }

    [Fact]
    public void Search_ExceptTuscany_FindsEveryOtherRegionsOrganisations_NoTuscanOne()
    {
        using var index = IndexOf(Multilingual);

        var all = index.Search(new PartnerSearchQuery(null, Take: 100));
        var except = index.Search(new PartnerSearchQuery(null, Take: 100) { ExceptRegions = ["Toscana"] });
        var words = index.Search(new PartnerSearchQuery("finishing lab", Take: 100) { ExceptRegions = ["Tuscany"] });

        Assert.Equal(all.Hits.Count(h => h.Region != "Tuscany"), except.Total);
        Assert.DoesNotContain(except.Hits, h => h.Region == "Tuscany");
        Assert.DoesNotContain("it-lab", words.Ids());
        Assert.Contains("pt-lab", words.Ids());
    }

    [Fact]
    public void CardData_KeepsTheRegionExclusion_ForPagingAndRefining_UnknownRegionsDropped()
    {
        var query = PartnerQuery.Create("", exceptRegions: ["Toscana", "Atlantis", "tuscany", "Ege"]);
        Assert.Equal("Aegean,Tuscany", query.ExceptRegions);
        Assert.False(query.IsEmpty);

        var back = PartnerQuery.FromCardData(System.Text.Json.JsonSerializer.SerializeToElement(query.ToJson()));
        Assert.Equal(query, back);
        Assert.Equal(["Aegean", "Tuscany"], back.ToSearch(5).ExceptRegions);
    }

    [Fact]
    public void Summary_SaysEveryRegionExceptTuscany_InTheSixLanguages()
    {
        var query = PartnerQuery.Create("", except: ["ES"], exceptRegions: ["Tuscany"]);
        foreach (var language in new[] { "en", "pt", "es", "it", "tr", "cs" })
        {
            var texts = PartnerTexts.Resolve(language);
            var summary = PartnerCards.Summary(texts, query);
            Assert.Contains(PartnerTexts.Format(texts.ExceptRegionsFormat, PartnerGeography.RegionNameIn("Tuscany", language)), summary, StringComparison.Ordinal);
            Assert.Contains(PartnerTexts.Format(texts.ExceptCountriesFormat, texts.Countries["ES"]), summary, StringComparison.Ordinal);
            Assert.Contains("{0}", texts.ExceptRegionsFormat, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(texts.ExcludedCountryNotCovered));
            Assert.Contains("{0}", texts.ExcludedPlaceEmptyFormat, StringComparison.Ordinal);
        }

        Assert.Equal(6, new[] { "en", "pt", "es", "it", "tr", "cs" }.Select(l => PartnerTexts.Resolve(l).ExcludedPlaceEmptyFormat).Distinct().Count());
    }

    [Fact]
    public void NotInFrance_ExcludedButNotCovered_QueryLeavesNothingOut()
    {
        var result = recognizer.Recognize("find partners not in France", null);

        Assert.Equal(["FR"], result.Entities.ExcludedCountries);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.Equal("", query.Except);
        Assert.DoesNotContain("not", query.Q, StringComparison.OrdinalIgnoreCase);
    }
}
