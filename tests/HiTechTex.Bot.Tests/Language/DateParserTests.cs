using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Language;

public sealed class DateParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly HashSet<string> CommandWords = ["sessions", "sessoes", "sesiones", "sessioni", "oturumlar", "skoleni", "upcoming"];

    [Theory]
    [InlineData("sessions in May", "2027-05-01")]
    [InlineData("sessions during dec", "2026-12-01")]
    [InlineData("sessões em mai", "2027-05-01")]
    [InlineData("sessões em set", "2027-09-01")]
    [InlineData("sesiones en ago", "2027-08-01")]
    [InlineData("sessioni a mag", "2027-05-01")]
    [InlineData("sessioni in gen", "2027-01-01")]
    [InlineData("školení v pro", "2026-12-01")]
    [InlineData("školení v bře", "2027-03-01")]
    public void FindMonth_ShortNameAfterAMonthPreposition_ThatMonth(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.FindMonth(TextNormalizer.Tokenize(text), Today));
    }

    [Theory]
    [InlineData("sessions may", "2027-05-01")]
    [InlineData("may sessions", "2027-05-01")]
    [InlineData("sessões mai", "2027-05-01")]
    [InlineData("oturumlar may", "2027-05-01")]
    [InlineData("upcoming sessions Mar", "2027-03-01")]
    public void FindMonth_ShortNameIsTheWholeFilter_ThatMonth(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.FindMonth(TextNormalizer.Tokenize(text), Today, CommandWords));
    }

    [Theory]
    [InlineData("may I see the sessions")]
    [InlineData("sessions I may like")]
    [InlineData("show me a set of sessions")]
    [InlineData("sessions out of hours")]
    [InlineData("sessions in out")]          // Portuguese "out" (October) after the English "in"
    [InlineData("sessions may")]             // no command words given: the whole-filter rule is off
    public void FindMonth_ShortNameWhereItIsAnotherWord_NoMonth(string text)
    {
        var commandWords = text == "sessions may" ? null : CommandWords;

        Assert.Null(DateParser.FindMonth(TextNormalizer.Tokenize(text), Today, commandWords));
    }

    [Theory]
    [InlineData("sessions in March", "2027-03-01")]
    [InlineData("setkání v lednu", "2027-01-01")]
    [InlineData("what about september", "2027-09-01")]
    public void FindMonth_FullName_ThatMonthAnywhere(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.FindMonth(TextNormalizer.Tokenize(text), Today));
    }

    [Theory]
    [InlineData("I want to go to Italy in May 2028", "2028-05-01")]
    [InlineData("sessions in March 2028", "2028-03-01")]
    [InlineData("sessões em março de 2028", "2028-03-01")]
    [InlineData("in May of 2027", "2027-05-01")]
    [InlineData("setkání v lednu 2027", "2027-01-01")]
    [InlineData("sessions in November 2026", "2026-11-01")]
    [InlineData("sessions may 2028", "2028-05-01")]
    public void FindMonth_MonthWithAYear_ThatYearsMonth(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.FindMonth(TextNormalizer.Tokenize(text), Today, CommandWords));
    }

    [Theory]
    [InlineData("I want to go to Italy in May 2025")]
    [InlineData("sessions in March 2026")]
    [InlineData("sessions in October 2026")]
    public void FindMonth_MonthOfAPastYear_NoMonth(string text)
    {
        var tokens = TextNormalizer.Tokenize(text);

        Assert.Null(DateParser.FindMonth(tokens, Today));
        var mention = DateParser.FindMonthMention(tokens, Today);
        Assert.NotNull(mention);
        Assert.Null(mention.Month);
        Assert.Equal(2, mention.Span.Length);
    }

    [Theory]
    [InlineData("oturumlar may'da", "2027-05-01")]
    [InlineData("may’da oturumlar var mı", "2027-05-01")]
    [InlineData("haziran'da oturumlar", "2027-06-01")]
    [InlineData("mart'ta eğitim", "2027-03-01")]
    [InlineData("ekim'de oturumlar", "2027-10-01")]
    [InlineData("mayısta oturumlar", "2027-05-01")]
    [InlineData("oturumlar ara'dan sonra", "2026-12-01")]
    public void FindMonth_TurkishMonthWithItsEndingAfterAnApostrophe_ThatMonth(string text, string expected)
    {
        // "may'da" was read as the words "may" and "da": no month (a short name needs its context).
        var mention = DateParser.FindMonthMention(TextNormalizer.Tokenize(text), Today);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), mention?.Month);
    }

    [Theory]
    [InlineData("oturumlar may da")]          // no apostrophe: two words
    [InlineData("arada oturumlar")]           // "in between"
    [InlineData("mar de plata")]              // Spanish "sea of"
    public void FindMonth_ShortNameFollowedByASuffixWordWithoutApostrophe_NoMonth(string text)
    {
        Assert.Null(DateParser.FindMonth(TextNormalizer.Tokenize(text), Today));
    }

    [Theory]
    [InlineData("sezení 2 pro začátečníky")]  // "pro" is "for"
    [InlineData("kurz pro 2 pro pokročilé")]
    [InlineData("2 lis na lisování")]
    [InlineData("sezení pro začátečníky")]
    public void Find_CzechShortMonthAsAWord_NoDate(string text)
    {
        Assert.Empty(DateParser.Find(TextNormalizer.Tokenize(text), Today));
    }

    [Theory]
    [InlineData("sezení 2. pro.", "2026-12-02")]
    [InlineData("sezení 2. pro", "2026-12-02")]
    [InlineData("čt 3. pro 2026", "2026-12-03")]
    [InlineData("2 pro 2027", "2027-12-02")]
    [InlineData("sezení 2 pro. pro začátečníky", "2026-12-02")]
    [InlineData("2. lis.", "2027-11-02")]
    [InlineData("2 prosince", "2026-12-02")]
    [InlineData("3 may", "2027-05-03")]      // other languages' short names are unchanged
    public void Find_CzechShortMonthWrittenAsADate_ThatDate(string text, string expected)
    {
        var (date, _) = Assert.Single(DateParser.Find(TextNormalizer.Tokenize(text), Today));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }
}
