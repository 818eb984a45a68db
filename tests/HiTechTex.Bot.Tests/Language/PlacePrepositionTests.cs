using HiTechTex.Bot.Language;
using HiTechTex.Bot.Language.Vocabulary;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A place preposition of any of the six languages right before a country, region or city named is no search word,
/// whatever language the message reads as: "partners in Česko" and "find partners in denızlı" read as Czech and Turkish
/// (the place's letters), whose stop words do not hold the English "in", so the results card showed “in” · Czechia.
/// Elsewhere only the message's own language's stop words are left out, as before.
/// </summary>
public sealed class PlacePrepositionTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("partners in Česko", "", "CZ")]
    [InlineData("nonwovens in Česko", "nonwovens", "CZ")]
    [InlineData("find partners in denızlı", "denızlı", "TR")]
    [InlineData("find partners in ıstanbul", "ıstanbul", "TR")]
    [InlineData("partner in Česko", "", "CZ")]                      // Italian
    [InlineData("dokuma partner in İtalya", "dokuma", "IT")]
    [InlineData("tekstil firmaları in İzmir", "tekstil izmir", "TR")]
    public void Recognize_AnotherLanguagesPrepositionBeforeAPlace_IsNoKeyword(string text, string keywords, string country)
    {
        // Before: "in" was a keyword (the message read as Czech or Turkish).
        var result = recognizer.Recognize(text, null);

        Assert.Equal(keywords, string.Join(' ', result.Entities.Keywords), ignoreCase: true);
        Assert.Equal(country, result.Entities.Country ?? CityCountry(result.Entities.City));
    }

    [Theory]
    [InlineData("find partners in Türkiye", "in")]
    [InlineData("find partners in İzmir", "in")]
    [InlineData("procuro parceiros em Česko", "em")]
    [InlineData("procuro parceiros em İzmir", "em")]
    [InlineData("procuro parceiros na Türkiye", "na")]
    [InlineData("busco socios en Česko", "en")]
    [InlineData("busco socios en İzmir", "en")]
    [InlineData("cerco partner in İzmir", "in")]
    [InlineData("cerco partner nella Türkiye", "nella")]
    [InlineData("hledám partnery ve Španělsku", "ve")]
    [InlineData("partneri ve Spanelsku", "ve")]
    [InlineData("partneři na Moravě", "na")]
    public void Recognize_APlacePrepositionOfEachLanguageBeforeAPlace_IsNoKeyword(string text, string preposition)
    {
        Assert.DoesNotContain(preposition, recognizer.Recognize(text, null).Entities.Keywords, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    // Not before a place: the message's language decides, as before ("in" is a Turkish message's word here).
    [InlineData("dokuma in ıplik", "dokuma in ıplik")]
    [InlineData("tessuti in cotone", "tessuti cotone")]
    public void Recognize_APrepositionNotBeforeAPlace_KeptAsTheMessagesLanguageKeepsIt(string text, string keywords)
    {
        Assert.Equal(keywords, string.Join(' ', recognizer.Recognize(text, null).Entities.Keywords));
    }

    private static string? CityCountry(string? city) => Gazetteer.Cities.FirstOrDefault(c => c.Value == city)?.Country;
}
