using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A country written with a typo. Before: "finishing lab in Itly" (a letter missing from a 5-letter name) searched every
/// partner everywhere with "itly" as a word; and ordinary words one letter away from a short name were countries —
/// "check" Czechia, "stain" Spain, "italic" Italy, "turno" Türkiye. Now "Itly" is Italy, a letter missing, one too many or
/// two swapped are forgiven from five letters, and a letter replaced only in names of seven letters or more.
/// </summary>
public sealed class CountryTypoTests
{
    private static readonly LocalIntentRecognizer Recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("Itly", "IT")]
    [InlineData("Itlay", "IT")]
    [InlineData("Itaia", "IT")]
    [InlineData("Portgal", "PT")]
    [InlineData("Portgual", "PT")]
    [InlineData("Protugal", "PT")]
    [InlineData("Trkey", "TR")]
    [InlineData("Turky", "TR")]
    [InlineData("Czehia", "CZ")]
    [InlineData("Czechi", "CZ")]
    [InlineData("Spian", "ES")]
    [InlineData("Spanin", "ES")]
    [InlineData("Portugla", "PT")]
    [InlineData("Portigal", "PT")]   // a letter replaced in a long name
    [InlineData("Turchja", "TR")]
    public void Recognize_ACountryWithATypo_IsTheCountry(string written, string country)
    {
        var result = Recognizer.Recognize($"I need a finishing lab in {written} for antimicrobial treatment", null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.DoesNotContain(written, result.Entities.Keywords);
    }

    [Fact]
    public void Recognize_ItlyInATravelWish_IsAnExchangeInItaly()
    {
        var result = Recognizer.Recognize("I want to go to Itly in March", null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal("IT", result.Entities.Country);
    }

    /// <summary>Ordinary words of the six languages one letter away from a country's name: none is a country.</summary>
    public static TheoryData<string> OrdinaryWords => new()
    {
        // English
        "span", "spin", "pain", "stain", "spawn", "plain", "check", "cheek", "italic", "vital", "total", "title", "portal",
        "great", "greet", "grace", "reek", "geek", "truck", "frank", "ranch", "roman", "polish", "polo", "trey", "tally",
        // Portuguese
        "bela", "alma", "almas", "rego", "porta", "parte", "torta", "turma", "turno", "chica", "chico", "tura",
        // Spanish
        "gracia", "cheque", "torre", "espina", "turnos", "trueco",
        // Italian
        "grazie", "onda", "torco", "turni", "italo", "vitale",
        // Turkish
        "aman", "alan", "turta", "yunus", "ceket",
        // Czech
        "duch", "cesta", "cena", "šek", "tury",
    };

    [Theory]
    [InlineData("busco un truco para teñir mejor")]
    [InlineData("truco")]
    [InlineData("hay algún truco para el acabado antimicrobiano?")]
    [InlineData("conhecem um truco para a tinturaria?")]
    [InlineData("truca")]
    public void Recognize_TrucoSpanishTrick_IsNoTurkiye(string text)
    {
        var result = Recognizer.Recognize(text, null);

        Assert.Null(result.Entities.Country);
    }

    [Theory]
    [InlineData("turco")]
    [InlineData("Turkye")]
    [InlineData("Türkiey")]
    [InlineData("Turchai")]
    [InlineData("Turqiua")]
    [InlineData("Tukrey")]
    [InlineData("Turkie")]
    [InlineData("tucro")]
    public void Recognize_RealTyposOfTurkey_StillTurkiye(string written)
    {
        var result = Recognizer.Recognize($"partners in {written}", null);

        Assert.Equal("TR", result.Entities.Country);
    }

    [Theory]
    [InlineData("find partners in Italy or Spain", "IT", "ES")]
    [InlineData("parceiros em Portugal ou Espanha", "PT", "ES")]
    [InlineData("cerco partner in Italia o Spagna", "IT", "ES")]
    [InlineData("İtalya veya İspanya'da partner arıyorum", "IT", "ES")]
    [InlineData("hledám partnery v Itálii nebo Španělsku", "IT", "ES")]
    [InlineData("busco socios en Italia o España", "IT", "ES")]
    public void Recognize_TwoCountries_TheFirstIsTheCountryTheOtherIsKept(string text, string country, string other)
    {
        var result = Recognizer.Recognize(text, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(country, result.Entities.Country);
        Assert.Equal([other], result.Entities.OtherCountries);
    }

    [Theory]
    [InlineData("find partners in Italy")]
    [InlineData("partners in Italia, Italy")]
    public void Recognize_OneCountry_NoOtherCountries(string text) =>
        Assert.Empty(Recognizer.Recognize(text, null).Entities.OtherCountries);

    [Theory]
    [MemberData(nameof(OrdinaryWords))]
    public void Recognize_AnOrdinaryWord_IsNoCountry(string word)
    {
        var result = Recognizer.Recognize($"partners for {word}", null);

        Assert.Null(result.Entities.Country);
    }
}
