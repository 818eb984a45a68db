using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// The everyday activity words of the six languages — dyeing, finishing, spinning, weaving, knitting, printing, coating,
/// recycling, technical textiles, testing, a lab — name the same taxonomy term, and a search for a partner in each
/// language finds the same organisations. Before (explorer report 20, finding 6): "cerco partner per tintura", "busco
/// socios para tintura", "hledám partnera na barvení" found nothing, while "I need a dyeing partner in Turkey" found 16.
/// </summary>
public sealed class TaxonomyActivityWordsTests(SeededPartnerIndexFixture fixture) : IClassFixture<SeededPartnerIndexFixture>
{
    private const string Dyeing = "stage:finishing";
    private const string Spinning = "stage:yarn";
    private const string Weaving = "stage:fabric";
    private const string MakingUp = "stage:making-up";
    private const string Lab = "service:testing-lab";

    private static readonly VocabularyMatcher Vocabulary = VocabularyMatcher.ForTaxonomy();

    // Per activity, the words (nouns and verbs) a user types in EN, PT, ES, IT, TR and CS.
    public static TheoryData<string, string> ActivityWords => new()
    {
        { Dyeing, "dyeing" }, { Dyeing, "dye" }, { Dyeing, "dyehouse" },
        { Dyeing, "tingimento" }, { Dyeing, "tingir" }, { Dyeing, "tinturaria" },
        { Dyeing, "tintura" }, { Dyeing, "teñido" }, { Dyeing, "teñir" }, { Dyeing, "tinte" }, { Dyeing, "tintorería" },
        { Dyeing, "tinture" }, { Dyeing, "tingere" }, { Dyeing, "tintoria" },
        { Dyeing, "boyama" }, { Dyeing, "boyahane" },
        { Dyeing, "barvení" }, { Dyeing, "barvit" }, { Dyeing, "barvírna" },
        { Dyeing, "finishing" }, { Dyeing, "acabamento" }, { Dyeing, "acabado" }, { Dyeing, "finissaggio" }, { Dyeing, "nobilitazione" },
        { Dyeing, "terbiye" }, { Dyeing, "zušlechťování" },
        { Spinning, "spinning" }, { Spinning, "spinner" }, { Spinning, "fiação" }, { Spinning, "hilatura" }, { Spinning, "hilandería" },
        { Spinning, "filatura" }, { Spinning, "filanda" }, { Spinning, "eğirme" }, { Spinning, "iplikçilik" }, { Spinning, "předení" }, { Spinning, "přádelna" },
        { Weaving, "weaving" }, { Weaving, "weaver" }, { Weaving, "tecelagem" }, { Weaving, "tecer" }, { Weaving, "tejeduría" }, { Weaving, "tejer" },
        { Weaving, "tisaje" }, { Weaving, "tessitura" }, { Weaving, "tessere" }, { Weaving, "dokuma" }, { Weaving, "tkaní" }, { Weaving, "tkát" }, { Weaving, "tkalcovna" },
        { Weaving, "knitting" }, { Weaving, "knitwear" }, { Weaving, "malharia" }, { Weaving, "tricotado" }, { Weaving, "maglieria" }, { Weaving, "maglificio" },
        { Weaving, "örme" }, { Weaving, "trikotaj" }, { Weaving, "pletení" }, { Weaving, "plést" },
        { TextileTaxonomy.DigitalPrinting, "printing" }, { TextileTaxonomy.DigitalPrinting, "estamparia" }, { TextileTaxonomy.DigitalPrinting, "estampar" },
        { TextileTaxonomy.DigitalPrinting, "estampación" }, { TextileTaxonomy.DigitalPrinting, "stampa" }, { TextileTaxonomy.DigitalPrinting, "stamperia" },
        { TextileTaxonomy.DigitalPrinting, "baskı" }, { TextileTaxonomy.DigitalPrinting, "potisk" }, { TextileTaxonomy.DigitalPrinting, "tisk" },
        { TextileTaxonomy.FunctionalFinishing, "coating" }, { TextileTaxonomy.FunctionalFinishing, "revestimento" }, { TextileTaxonomy.FunctionalFinishing, "recubrimiento" },
        { TextileTaxonomy.FunctionalFinishing, "spalmatura" }, { TextileTaxonomy.FunctionalFinishing, "rivestimento" }, { TextileTaxonomy.FunctionalFinishing, "kaplama" },
        { TextileTaxonomy.FunctionalFinishing, "zátěr" }, { TextileTaxonomy.FunctionalFinishing, "povrstvení" }, { TextileTaxonomy.FunctionalFinishing, "laminace" },
        { TextileTaxonomy.Recycling, "recycling" }, { TextileTaxonomy.Recycling, "recycled" }, { TextileTaxonomy.Recycling, "reciclagem" }, { TextileTaxonomy.Recycling, "reciclar" },
        { TextileTaxonomy.Recycling, "reciclaje" }, { TextileTaxonomy.Recycling, "riciclo" }, { TextileTaxonomy.Recycling, "riciclaggio" },
        { TextileTaxonomy.Recycling, "geri dönüşüm" }, { TextileTaxonomy.Recycling, "recyklace" }, { TextileTaxonomy.Recycling, "recyklovat" },
        { TextileTaxonomy.TechnicalTextiles, "technical textiles" }, { TextileTaxonomy.TechnicalTextiles, "têxteis técnicos" }, { TextileTaxonomy.TechnicalTextiles, "tecidos técnicos" },
        { TextileTaxonomy.TechnicalTextiles, "textiles técnicos" }, { TextileTaxonomy.TechnicalTextiles, "tejidos técnicos" }, { TextileTaxonomy.TechnicalTextiles, "tessili tecnici" },
        { TextileTaxonomy.TechnicalTextiles, "teknik tekstil" }, { TextileTaxonomy.TechnicalTextiles, "technické textilie" },
        { TextileTaxonomy.TestingCertification, "testing" }, { TextileTaxonomy.TestingCertification, "ensaios" }, { TextileTaxonomy.TestingCertification, "ensayos" },
        { TextileTaxonomy.TestingCertification, "pruebas" }, { TextileTaxonomy.TestingCertification, "prove" }, { TextileTaxonomy.TestingCertification, "test" },
        { TextileTaxonomy.TestingCertification, "zkoušení" }, { TextileTaxonomy.TestingCertification, "testování" },
        { Lab, "laboratory" }, { Lab, "lab" }, { Lab, "laboratório" }, { Lab, "laboratorio" }, { Lab, "laboratuvar" }, { Lab, "laboratoř" },
        { MakingUp, "sewing" }, { MakingUp, "costura" }, { MakingUp, "coser" }, { MakingUp, "cucire" }, { MakingUp, "dikiş" }, { MakingUp, "šití" },
    };

    [Theory]
    [MemberData(nameof(ActivityWords))]
    public void VocabularyMatcher_ActivityWord_IsThatTermOnly(string expected, string word)
    {
        var keys = Vocabulary.Find(word, allowTypos: true).Select(m => m.Key).Distinct().ToList();

        Assert.Equal([expected], keys);
    }

    [Theory]
    [InlineData("teñido", Dyeing, Weaving)]      // not "tejido" (fabric) with a typo
    [InlineData("tejido", Weaving, Dyeing)]
    public void VocabularyMatcher_AWordSpeltExactly_IsNotAlsoATypoOfAnotherTerm(string word, string expected, string notExpected)
    {
        var keys = Vocabulary.Find(word, allowTypos: true).Select(m => m.Key).ToList();

        Assert.Contains(expected, keys);
        Assert.DoesNotContain(notExpected, keys);
    }

    [Fact]
    public void VocabularyMatcher_ATypoStillMatches()
    {
        Assert.Contains(Dyeing, Vocabulary.Find("tintorai", allowTypos: true).Select(m => m.Key));
        Assert.Contains(TextileTaxonomy.Nonwovens, Vocabulary.Find("tessuto non tesuto", allowTypos: true).Select(m => m.Key));
    }

    // Per activity, the same search for a partner in Türkiye or Italy in the six languages.
    public static TheoryData<string, string[]> SearchesInSixLanguages => new()
    {
        {
            "dyeing", [
                "I need a dyeing partner in Turkey", "preciso de um parceiro de tinturaria na Turquia", "busco socios para tintura en Turquía",
                "cerco un partner per la tintura in Turchia", "Türkiye'de boyama ortağı arıyorum", "hledám partnera na barvení v Turecku",
            ]
        },
        {
            "finishing", [
                "finishing partner in Italy", "parceiro de acabamento em Itália", "socios para acabado en Italia",
                "partner per finissaggio in Italia", "İtalya'da terbiye ortağı", "partner na zušlechťování v Itálii",
            ]
        },
        {
            "spinning", [
                "spinning partner in Turkey", "parceiro de fiação na Turquia", "socios para hilatura en Turquía",
                "partner per filatura in Turchia", "Türkiye'de eğirme ortağı", "partner na předení v Turecku",
            ]
        },
        {
            "weaving", [
                "weaving partner in Italy", "parceiro de tecelagem em Itália", "socios para tejeduría en Italia",
                "partner per tessitura in Italia", "İtalya'da dokuma ortağı", "partner na tkaní v Itálii",
            ]
        },
        {
            "knitting", [
                "knitting partner in Turkey", "parceiro de malharia na Turquia", "socios para tricotado en Turquía",
                "partner per maglieria in Turchia", "Türkiye'de örme ortağı", "partner na pletení v Turecku",
            ]
        },
        {
            "printing", [
                "printing partner in Italy", "parceiro de estamparia em Itália", "socios para estampación en Italia",
                "partner per stampa in Italia", "İtalya'da baskı ortağı", "partner na potisk v Itálii",
            ]
        },
        {
            "coating", [
                "coating partner in Turkey", "parceiro de revestimento na Turquia", "socios para recubrimiento en Turquía",
                "partner per spalmatura in Turchia", "Türkiye'de kaplama ortağı", "partner na zátěr v Turecku",
            ]
        },
        {
            "recycling", [
                "recycling partner in Italy", "parceiro de reciclagem em Itália", "socios para reciclaje en Italia",
                "partner per riciclo in Italia", "İtalya'da geri dönüşüm ortağı", "partner na recyklaci v Itálii",
            ]
        },
        {
            "testing", [
                "testing partner in Italy", "parceiro de ensaios em Itália", "socios para ensayos en Italia",
                "partner per prove in Italia", "İtalya'da test ortağı", "partner na zkoušení v Itálii",
            ]
        },
        {
            "lab", [
                "a lab in Turkey", "um laboratório na Turquia", "un laboratorio en Turquía",
                "un laboratorio in Turchia", "Türkiye'de laboratuvar", "laboratoř v Turecku",
            ]
        },
    };

    // "textiles", "tekstil", "textilie" are in most descriptions, and the free-text part of the search finds those in
    // the query's own language too: the organisations about technical textiles are the same, and come first, in all six.
    public static TheoryData<string, string[]> TechnicalTextilesInSixLanguages => new()
    {
        {
            "technical textiles", [
                "technical textiles partner in Turkey", "parceiro de têxteis técnicos na Turquia", "socios para textiles técnicos en Turquía",
                "partner per tessili tecnici in Turchia", "Türkiye'de teknik tekstil ortağı", "partner na technické textilie v Turecku",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(TechnicalTextilesInSixLanguages))]
    public void Search_TechnicalTextilesInSixLanguages_TheSamePartnersAboutThemFirst(string activity, string[] sentences)
    {
        var found = new List<(string Sentence, List<string> About)>();
        foreach (var sentence in sentences)
        {
            var results = fixture.SearchAsTyped(sentence);
            var about = results.Hits.TakeWhile(h => h.MatchedTerms.Contains(TextileTaxonomy.TechnicalTextiles)).Select(h => h.OrganisationId).ToList();
            Assert.True(results.Hits.Skip(about.Count).All(h => !h.MatchedTerms.Contains(TextileTaxonomy.TechnicalTextiles)), $"\"{sentence}\": all about it first");
            found.Add((sentence, about));
        }

        Assert.NotEmpty(found[0].About);
        Assert.All(found.Skip(1), other => Assert.True(other.About.ToHashSet().SetEquals(found[0].About),
            $"{activity}: \"{other.Sentence}\" {other.About.Count}, \"{found[0].Sentence}\" {found[0].About.Count}"));
    }

    [Theory]
    [MemberData(nameof(SearchesInSixLanguages))]
    public void Search_TheSameActivityInSixLanguages_FindsTheSamePartners(string activity, string[] sentences)
    {
        var found = new List<(string Sentence, int Total, HashSet<string> Ids)>();
        foreach (var sentence in sentences)
        {
            var results = fixture.SearchAsTyped(sentence);
            found.Add((sentence, results.Total, [.. results.Hits.Select(h => h.OrganisationId)]));
        }

        var english = found[0];
        Assert.True(english.Total is > 0 and <= 100, $"{activity}: \"{english.Sentence}\" found {english.Total}");
        Assert.All(found.Skip(1), other => Assert.True(
            other.Total == english.Total && other.Ids.SetEquals(english.Ids),
            $"{activity}: \"{other.Sentence}\" found {other.Total} ({string.Join(", ", other.Ids.Except(english.Ids).Take(5))} not in English), \"{english.Sentence}\" {english.Total}"));
    }
}
