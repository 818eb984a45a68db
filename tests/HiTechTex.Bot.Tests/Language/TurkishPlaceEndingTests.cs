using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Turkish writes a case ending after an apostrophe on a place's name: "İZMİR'de tekstil firması" (a textile company in
/// İzmir) was no partner search — "firması" was no noun for a company, and read as Portuguese the ending "de" and
/// "firması" were words to look for. Now it is a search in İzmir as "textile company in Izmir" is, the ending is no
/// keyword and says the message is Turkish, and the dotted capital İ folds like any i.
/// </summary>
public sealed class TurkishPlaceEndingTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("İZMİR'de tekstil firması")]
    [InlineData("İZMİR'DE TEKSTİL FİRMASI")]
    [InlineData("İzmir’de tekstil firması")]
    [InlineData("izmir'deki tekstil firmaları")]
    [InlineData("İzmir'in tekstil firmaları")]
    public void Recognize_APlaceWithACaseEnding_APartnerSearchThereInTurkish(string typed)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal("İzmir", result.Entities.City);
        Assert.Equal(["izmir", "tekstil"], result.Entities.Keywords);
    }

    [Fact]
    public void Recognize_TheSameInEnglish_TheSameSearch()
    {
        var turkish = recognizer.Recognize("İZMİR'de tekstil firması", null);
        var english = recognizer.Recognize("textile company in Izmir", null);

        Assert.Equal(english.Intent, turkish.Intent);
        Assert.Equal(english.Entities.City, turkish.Entities.City);
        Assert.Equal(english.Entities.Keywords.Count, turkish.Entities.Keywords.Count);
        Assert.Equal(FindPartnersDialog.QueryOf(english.Entities).Country, FindPartnersDialog.QueryOf(turkish.Entities).Country);
    }

    [Theory]
    [InlineData("İSTANBUL'dan boyama firması", "Istanbul", "istanbul", "boyama")]
    [InlineData("ISTANBUL'DA TEKSTİL ŞİRKETİ", "Istanbul", "istanbul", "tekstil")]
    [InlineData("Bursa'daki dokuma firmaları", "Bursa", "bursa", "dokuma")]
    public void Recognize_OtherCitiesAndEndings_TheCityAndWhatToLookForOnly(string typed, string city, string cityWord, string keyword)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(city, result.Entities.City);
        Assert.Equal([cityWord, keyword], result.Entities.Keywords);
    }

    [Theory]
    [InlineData("İtalya'daki boyama firmaları", "IT")]
    [InlineData("TÜRKİYE'DEKİ tekstil firmaları", "TR")]
    public void Recognize_ACountryWithACaseEnding_TheCountryFilters(string typed, string country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal(country, FindPartnersDialog.QueryOf(result.Entities).Country);
        Assert.DoesNotContain(result.Entities.Keywords, k => k is "daki" or "deki");
    }

    [Fact]
    public void Recognize_APlaceTheGazetteerDoesNotKnow_StillASearchForItsName()
    {
        var result = recognizer.Recognize("Çorlu'da tekstil firması", null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(["çorlu", "tekstil"], result.Entities.Keywords);
    }

    /// <summary>After a possessive the ending takes an "n" ("Bölgesi'nde", "Bölgesi'nden"): a place as "İzmir'de" is.</summary>
    [Theory]
    [InlineData("Çorlu Organize Sanayi Bölgesi'ndeki tekstil firmaları")]
    [InlineData("Çorlu Organize Sanayi Bölgesi'nden tekstil firması")]
    public void Recognize_APlaceEndingAfterAPossessive_StillAPartnerSearchThere(string typed)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal(["çorlu", "organize", "sanayi", "bölgesi", "tekstil"], result.Entities.Keywords.Select(k => k.ToLower(System.Globalization.CultureInfo.GetCultureInfo("tr"))));
    }

    [Theory]
    [InlineData("c'è un'azienda di tintoria in Italia?", "it")]
    [InlineData("cerco partner per l'azienda in Italia", "it")]
    public void Recognize_AnItalianApostrophe_NoTurkishEnding(string typed, string language)
    {
        Assert.Equal(language, recognizer.Recognize(typed, null).Language);
    }
}
