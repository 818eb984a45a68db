using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// The same textile concept named in any of the six languages finds the same organisations of the seeded demo
/// directory, in the same order. Before: "technical textiles" found 210, "têxteis técnicos" 63, "tessili tecnici" 96,
/// "teknik tekstil" 89, "technické textilie" 133 — the words were searched as words too, and "textiles" is in most
/// descriptions while "técnicos" is in few.
/// </summary>
public sealed class SameConceptInSixLanguagesTests(SeededPartnerIndexFixture fixture) : IClassFixture<SeededPartnerIndexFixture>
{
    public static TheoryData<string, string[]> Concepts => new()
    {
        { TextileTaxonomy.TechnicalTextiles, ["technical textiles", "têxteis técnicos", "textiles técnicos", "tessili tecnici", "teknik tekstil", "technické textilie"] },
        { TextileTaxonomy.TechnicalTextiles, ["Technical Textile", "tecidos técnicos", "tejidos técnicos", "tessuti tecnici", "teknik kumaşlar", "technicke textilie"] },
        { TextileTaxonomy.Nonwovens, ["nonwovens", "não-tecidos", "no tejidos", "tessuti non tessuti", "dokunmamış", "netkané textilie"] },
        { TextileTaxonomy.SmartTextiles, ["smart textiles", "têxteis inteligentes", "textiles inteligentes", "tessili intelligenti", "akıllı tekstil", "chytré textilie"] },
        { TextileTaxonomy.Geotextiles, ["geotextiles", "geotêxteis", "geotextil", "geotessili", "jeotekstil", "geotextilie"] },
    };

    [Theory]
    [MemberData(nameof(Concepts))]
    public void Search_TheSameConceptInTheSixLanguages_FindsTheSameOrganisationsInTheSameOrder(string concept, string[] names)
    {
        var results = names.Select(n => fixture.Index.Search(new PartnerSearchQuery(n, Take: 100))).ToList();

        var english = results[0];
        Assert.True(english.Total > 0, $"{names[0]} finds nothing");
        Assert.All(english.Hits, h => Assert.Contains(concept, h.MatchedTerms));
        for (var i = 1; i < names.Length; i++)
        {
            Assert.Equal(english.Total, results[i].Total);
            Assert.Equal(english.Hits.Select(h => h.OrganisationId), results[i].Hits.Select(h => h.OrganisationId));
        }
    }

    [Theory]
    [InlineData("finishing lab antimicrobial treatment Italy")]
    [InlineData("laboratório de acabamentos antimicrobianos Itália")]
    [InlineData("laboratorio finissaggio antimicrobico Italia")]
    [InlineData("laboratuvar apre antimikrobiyal İtalya")]
    [InlineData("laboratoř úpravy antimikrobiální Itálie")]
    public void Search_ALabAsked_FacilityProvidersFirst_TheSameOrganisationsFound(string request)
    {
        // The concept words are searched as concepts only, so "lab" no longer counted as a word: a cluster organisation
        // came first for "a finishing lab in Italy". A facility word now ranks facility providers first — a preference,
        // not a filter: other kinds are still found.
        var withLab = fixture.Index.Search(new PartnerSearchQuery(request, Take: 100));

        Assert.True(withLab.Total > 1);
        Assert.Equal(OrganisationKind.FacilityProvider, withLab.Hits[0].Kind);
        Assert.Contains(withLab.Hits, h => h.Kind != OrganisationKind.FacilityProvider);
    }

    [Fact]
    public void Search_AConceptWithOtherWords_TheOtherWordsStillCount()
    {
        // "têxteis técnicos" is the concept; "Liberec" is still a word searched for (a city the directory writes).
        var concept = fixture.Index.Search(new PartnerSearchQuery("têxteis técnicos", Take: 100));
        var withWord = fixture.Index.Search(new PartnerSearchQuery("têxteis técnicos Liberec", Take: 100));

        Assert.True(withWord.Total > concept.Total);
    }

    [Fact]
    public void FindPartners_TheSixLanguagesRequests_SearchTheSameOrganisations()
    {
        var recognizer = new LocalIntentRecognizer(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));
        string[] requests =
        [
            "find partners in technical textiles",
            "procuro parceiros em têxteis técnicos",
            "busco socios en textiles técnicos",
            "cerco partner nei tessili tecnici",
            "teknik tekstil alanında ortak arıyorum",
            "hledám partnery v oblasti technických textilií",
        ];

        var found = requests.Select(r =>
        {
            var recognized = recognizer.Recognize(r, null);
            Assert.Equal(Intent.FindPartners, recognized.Intent);
            var query = FindPartnersDialog.QueryOf(recognized.Entities).ToSearch(100);
            return fixture.Index.Search(query).Hits.Select(h => h.OrganisationId).ToList();
        }).ToList();

        Assert.NotEmpty(found[0]);
        Assert.All(found.Skip(1), ids => Assert.Equal(found[0], ids));
    }
}
