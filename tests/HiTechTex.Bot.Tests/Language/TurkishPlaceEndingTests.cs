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
    // Written on the name without the apostrophe.
    [InlineData("türkiyede tekstil firması", "TR")]
    [InlineData("TÜRKİYEDEKİ TEKSTİL FİRMALARI", "TR")]
    [InlineData("ispanyada tekstil firmaları", "ES")]
    [InlineData("italyadaki boyama firmaları", "IT")]
    public void Recognize_ACountryWithACaseEnding_TheCountryFilters(string typed, string country)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal(country, FindPartnersDialog.QueryOf(result.Entities).Country);
        Assert.DoesNotContain(result.Entities.Keywords, k => k is "daki" or "deki" || k.StartsWith("türkiye", StringComparison.Ordinal));
        Assert.Single(result.Entities.Keywords);
    }

    [Fact]
    public void Recognize_APlaceTheGazetteerDoesNotKnow_StillASearchForItsName()
    {
        var result = recognizer.Recognize("Çorlu'da tekstil firması", null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(["çorlu", "tekstil"], result.Entities.Keywords);
    }

    /// <summary>
    /// People at organisations in a place the gazetteer does not know ("Çorlu'daki paydaşlar": stakeholders in Çorlu) are
    /// a partner search as in a known city ("Bursa'daki kilit oyuncular"): the place's name, as written before its ending,
    /// is the one keyword — organisations whose address or description names it — and no country filters: the ending
    /// says where, not in which country. The people are no keyword. Before: "I didn't understand".
    /// </summary>
    [Theory]
    [InlineData("Çorlu'daki paydaşlar", null, "çorlu")]
    [InlineData("Çorlu'da paydaşlar", null, "çorlu")]
    [InlineData("Çorlu’daki paydaşlar", null, "çorlu")]
    [InlineData("ÇORLU'DAKİ PAYDAŞLAR", null, "çorlu")]
    [InlineData("Çorlu'dan paydaşlar", null, "çorlu")]
    [InlineData("paydaşlar Çorlu'da", null, "çorlu")]
    [InlineData("Çorlu'daki kilit oyuncular", null, "çorlu")]
    [InlineData("Kahramanmaraş'taki önemli oyuncular", null, "kahramanmaraş")]
    [InlineData("Çorlu Organize Sanayi Bölgesi'ndeki paydaşlar", null, "çorlu organize sanayi bölgesi")]
    // Typed in lower case, a short name that opens the message (before: "I didn't understand").
    [InlineData("çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "çorlu organize sanayi bölgesi")]
    [InlineData("çorlu osb'deki kilit oyuncular", null, "çorlu osb")]
    // The textile sector's name before a lower-case name is the people's sector, searched, and no word of the name: the
    // name after it may have its four words (before: "I didn't understand", five words were no name).
    [InlineData("tekstil çorlu'daki paydaşlar", null, "tekstil çorlu")]
    [InlineData("Tekstil Çorlu'daki paydaşlar", null, "tekstil çorlu")]
    [InlineData("tekstil çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "tekstil çorlu organize sanayi bölgesi")]
    // A restrictor before it is a restrictor, and the rest the place (before: "I didn't understand").
    [InlineData("sadece çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "çorlu organize sanayi bölgesi")]
    [InlineData("yalnızca çorlu osb'deki kilit oyuncular", null, "çorlu osb")]
    [InlineData("sadece tekstil çorlu'daki paydaşlar", null, "tekstil çorlu")]
    // A sector's name of two words is the sector's as one of one word is (before, "hazır" was the name's first word, and
    // a name of four words after it was "I didn't understand").
    [InlineData("hazır giyim çorlu'daki paydaşlar", null, "hazır giyim çorlu")]
    [InlineData("hazır giyim çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "hazır giyim çorlu organize sanayi bölgesi")]
    [InlineData("ev tekstili çorlu'daki paydaşlar", null, "ev tekstili çorlu")]
    [InlineData("teknik tekstil çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "teknik tekstil çorlu organize sanayi bölgesi")]
    // A greeting before the name is no word of it, nor anything to look for (before, "merhaba çorlu" was read as the
    // place's name, and a greeting not among the stop words was "I didn't understand").
    [InlineData("merhaba çorlu'daki paydaşlar", null, "çorlu")]
    [InlineData("merhaba çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "çorlu organize sanayi bölgesi")]
    [InlineData("selam, çorlu'daki firmalar", null, "çorlu")]
    [InlineData("Merhaba Çorlu'daki paydaşlar", null, "çorlu")]
    [InlineData("selam, çorlu'daki paydaşlar", null, "çorlu")]
    [InlineData("iyi günler çorlu organize sanayi bölgesi'ndeki paydaşlar", null, "çorlu organize sanayi bölgesi")]
    [InlineData("merhaba, hazır giyim çorlu'daki paydaşlar", null, "hazır giyim çorlu")]
    [InlineData("Bursa'daki kilit oyuncular", "Bursa", "bursa")]
    [InlineData("Uşak'taki paydaşlar", "Uşak", "uşak")]
    // The genitive before people: the stakeholders of Çorlu are those in Çorlu (was "I didn't understand").
    [InlineData("Çorlu'nun paydaşları", null, "çorlu")]
    [InlineData("Çorlu'nun kilit oyuncuları", null, "çorlu")]
    [InlineData("Kahramanmaraş'ın paydaşları", null, "kahramanmaraş")]
    [InlineData("Bursa'nın kilit oyuncuları", "Bursa", "bursa")]
    public void Recognize_PeopleInATurkishPlace_APartnerSearchWithThePlacesNameAsTheKeyword(string typed, string? city, string words)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal(city, result.Entities.City);
        Assert.Equal(words.Split(' '), result.Entities.Keywords);
        var query = FindPartnersDialog.QueryOf(result.Entities);
        Assert.Equal(words, query.Q);
        Assert.Equal("", query.Country);   // a known city is searched by its name too, as "partners in Prato" is
    }

    /// <summary>
    /// With more said ("are very important", "are very kind"), or players with no word of importance (as "players in
    /// Portugal"), people in such a place ask for no search.
    /// </summary>
    [Theory]
    [InlineData("Çorlu'daki paydaşlar çok önemli")]
    [InlineData("Çorlu'daki insanlar çok nazik")]
    [InlineData("Çorlu'daki oyuncular")]
    [InlineData("çorlu organize sanayi bölgesi'ndeki paydaşlar çok önemli")]
    [InlineData("bu yıl çorlu organize sanayi bölgesi'ndeki paydaşlar")]
    [InlineData("paydaşlar çok önemli çorlu'da")]
    [InlineData("Çorlu'nun paydaşları çok önemli")]
    [InlineData("Çorlu'nun insanları")]
    [InlineData("Çorlu'nun oyuncuları")]
    [InlineData("tekstil çorlu'daki paydaşlar çok önemli")]
    [InlineData("sadece çorlu organize sanayi bölgesi'ndeki paydaşlar çok önemli")]
    public void Recognize_PeopleInATurkishPlaceWithMoreSaid_NoPartnerSearch(string typed)
    {
        Assert.NotEqual(Intent.FindPartners, recognizer.Recognize(typed, null).Intent);
    }

    /// <summary>
    /// Before a lower-case name that opens the message, the textile sector's name is the people's sector and a restrictor
    /// a restrictor — neither a word of the place's name (before, "tekstil" and "sadece" were read as the name's first word:
    /// "tekstil çorlu" was the place).
    /// </summary>
    [Theory]
    [InlineData("tekstil çorlu'daki paydaşlar", "tekstil", "çorlu")]
    [InlineData("Tekstil Çorlu'daki paydaşlar", "tekstil", "çorlu")]
    [InlineData("tekstil çorlu organize sanayi bölgesi'ndeki paydaşlar", "tekstil", "çorlu organize sanayi bölgesi")]
    [InlineData("sadece çorlu organize sanayi bölgesi'ndeki paydaşlar", "sadece", "çorlu organize sanayi bölgesi")]
    [InlineData("sadece tekstil çorlu'daki paydaşlar", "sadece tekstil", "çorlu")]
    [InlineData("hazır giyim çorlu'daki paydaşlar", "hazır giyim", "çorlu")]
    [InlineData("ev tekstili çorlu'daki paydaşlar", "ev tekstili", "çorlu")]
    [InlineData("sadece teknik tekstil çorlu osb'deki kilit oyuncular", "sadece teknik tekstil", "çorlu osb")]
    [InlineData("merhaba çorlu organize sanayi bölgesi'ndeki paydaşlar", "merhaba", "çorlu organize sanayi bölgesi")]
    [InlineData("selam, tekstil çorlu'daki paydaşlar", "selam tekstil", "çorlu")]
    // In capitals, too, what opens the message before the name is none of its words (before, "Merhaba" and "Sadece" were).
    [InlineData("Merhaba Çorlu'daki paydaşlar", "merhaba", "çorlu")]
    [InlineData("Sadece Çorlu'daki paydaşlar", "sadece", "çorlu")]
    // A word before "giyim" that makes no sector's name with it stays the name's ("ev" alone is no sector either).
    [InlineData("yeni giyim çorlu'daki paydaşlar", "", "yeni giyim çorlu")]
    [InlineData("ev çorlu'daki paydaşlar", "", "ev çorlu")]
    public void IsInAPlacesName_ASectorOrARestrictorBeforeALowerCaseName_OnlyTheNamesWords(string typed, string before, string name)
    {
        var tokens = TurkishSuffix.SplitPlaceEndings(TextNormalizer.Tokenize(typed));
        var opening = before.Length == 0 ? 0 : before.Split(' ').Length;

        Assert.All(Enumerable.Range(0, opening), i => Assert.False(TurkishSuffix.IsInAPlacesName(tokens, i)));
        Assert.All(Enumerable.Range(opening, name.Split(' ').Length), i => Assert.True(TurkishSuffix.IsInAPlacesName(tokens, i)));
        Assert.Equal(
            before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w is not ("sadece" or "merhaba" or "selam")),
            Enumerable.Range(0, opening).Select(i => TurkishSuffix.NamesTheSectorBeforeAName(tokens, i)));
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

    /// <summary>
    /// Written without the apostrophe ("denizliden", "izmirde", "türkiyede"), the ending on a known place's name is read
    /// the same way: the place, and no ending as a word ("izmirde" was a keyword the directory never holds).
    /// </summary>
    [Theory]
    [InlineData("denizliden havlu üreticisi", "Denizli", "denizli havlu")]
    [InlineData("Denizliden havlu üreticisi", "Denizli", "denizli havlu")]
    [InlineData("DENİZLİDEN HAVLU ÜRETİCİSİ", "Denizli", "denizli havlu")]
    [InlineData("izmirde tekstil firması", "İzmir", "izmir tekstil")]
    [InlineData("İZMİRDE TEKSTİL FİRMASI", "İzmir", "izmir tekstil")]
    [InlineData("izmirdeki tekstil firmaları", "İzmir", "izmir tekstil")]
    [InlineData("bursadan dokuma firması", "Bursa", "bursa dokuma")]
    [InlineData("istanbulda boyama şirketi", "Istanbul", "istanbul boyama")]
    public void Recognize_APlaceWithTheEndingWrittenOnIt_APartnerSearchThereInTurkish(string typed, string city, string words)
    {
        var result = recognizer.Recognize(typed, "en-US");

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal("tr", result.Language);
        Assert.Equal(city, result.Entities.City);
        Assert.Equal(words.Split(' '), result.Entities.Keywords);
    }

    [Fact]
    public void Recognize_FromDenizliWithAndWithoutTheApostrophe_TheSameSearch()
    {
        var glued = recognizer.Recognize("denizliden havlu üreticisi", null);
        var apostrophe = recognizer.Recognize("Denizli'den havlu üreticisi", null);

        Assert.Equal(apostrophe.Intent, glued.Intent);
        Assert.Equal(apostrophe.Entities.City, glued.Entities.City);
        Assert.Equal(apostrophe.Entities.Keywords, glued.Entities.Keywords);
    }

    /// <summary>An ending is split off only a place the gazetteer names: ordinary words that end the same way stay whole.</summary>
    [Theory]
    [InlineData("model")]
    [InlineData("gelde")]
    [InlineData("vende")]
    [InlineData("bende")]
    [InlineData("moda")]
    [InlineData("italiane")]
    [InlineData("spagnole")]
    [InlineData("portata")]
    [InlineData("çorluda")]
    [InlineData("turquesa")]
    public void SplitPlaceEndings_AWordThatIsNoPlacesName_StaysWhole(string word)
    {
        var tokens = TextNormalizer.Tokenize(word);

        Assert.Same(tokens, TurkishSuffix.SplitPlaceEndings(tokens));
    }

    [Fact]
    public void Recognize_OrdinaryWordsEndingLikeAPlace_StayKeywords()
    {
        var result = recognizer.Recognize("moda tasarımı firmaları Türkiye'de", null);

        Assert.Contains("moda", result.Entities.Keywords);
    }

    /// <summary>"Ege Bölgesi'nden": "bölgesi" (region) is part of the region's name, not a word to look for.</summary>
    [Theory]
    [InlineData("Ege Bölgesi'nden havlu üreticisi", "tr", "havlu")]
    [InlineData("Ege bölgesinde havlu üreticisi", "tr", "havlu")]
    [InlineData("towel manufacturers in the Aegean region", "en", "towel")]
    [InlineData("produttori di tessuti nella regione Toscana", "it", "tessuti")]
    public void Recognize_ARegionWithItsWordForRegion_TheRegionAndNoRegionWord(string typed, string language, string keyword)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.FindPartners, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.NotNull(result.Entities.Region);
        Assert.Equal([keyword], result.Entities.Keywords);
    }

    [Fact]
    public void Recognize_ACountryWithTheEndingWrittenOnItLeftOut_NotSearched()
    {
        var result = recognizer.Recognize("italyada değil, tekstil firmaları", null);

        Assert.Contains("IT", result.Entities.ExcludedCountries);
        Assert.NotEqual("IT", result.Entities.Country);
    }

    [Theory]
    [InlineData("c'è un'azienda di tintoria in Italia?", "it")]
    [InlineData("cerco partner per l'azienda in Italia", "it")]
    public void Recognize_AnItalianApostrophe_NoTurkishEnding(string typed, string language)
    {
        Assert.Equal(language, recognizer.Recognize(typed, null).Language);
    }
}
