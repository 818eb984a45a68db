using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// "I want to go to Italy in March for a week": the stay's length, in the six languages, and the end date the
/// application form then gets from the start (a week from Monday 1 March 2027 ends Friday 5 March).
/// </summary>
public sealed class StayLengthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    public static TheoryData<string, string, int, string> Stays => new()
    {
        { "I want to go to Italy in March for a week", "en", 7, "2027-03-05" },
        { "I want to go to Italy in March for two weeks", "en", 14, "2027-03-12" },
        { "I want to go to Italy in March for 5 days", "en", 5, "2027-03-05" },
        { "quero ir a Itália em março por uma semana", "pt", 7, "2027-03-05" },
        { "quero ir a Itália em março durante duas semanas", "pt", 14, "2027-03-12" },
        { "quero ir a Itália em março por 5 dias", "pt", 5, "2027-03-05" },
        { "quiero viajar a Italia en marzo durante una semana", "es", 7, "2027-03-05" },
        { "quiero viajar a Italia en marzo durante dos semanas", "es", 14, "2027-03-12" },
        { "quiero viajar a Italia en marzo por 5 días", "es", 5, "2027-03-05" },
        { "vorrei andare in Spagna a marzo per una settimana", "it", 7, "2027-03-05" },
        { "vorrei andare in Spagna a marzo per due settimane", "it", 14, "2027-03-12" },
        { "vorrei andare in Spagna a marzo per 5 giorni", "it", 5, "2027-03-05" },
        { "martta italyaya bir hafta gitmek istiyorum", "tr", 7, "2027-03-05" },
        { "martta italyaya iki hafta gitmek istiyorum", "tr", 14, "2027-03-12" },
        { "martta italyaya 5 gün gitmek istiyorum", "tr", 5, "2027-03-05" },
        { "chci jet do Itálie v březnu na týden", "cs", 7, "2027-03-05" },
        { "chci jet do Itálie v březnu na dva týdny", "cs", 14, "2027-03-12" },
        { "chci jet do Itálie v březnu na 5 dní", "cs", 5, "2027-03-05" },
    };

    [Theory]
    [MemberData(nameof(Stays))]
    public void Recognize_TravelWishWithAStayLength_StayDaysAndTheFormsEndFromTheStart(string text, string language, int days, string end)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(days, result.Entities.StayDays);
        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, new Dictionary<string, string>(), new DateOnly(2026, 11, 26), ExchangeTexts.Resolve(language));
        Assert.Equal(new DateOnly(2027, 3, 1), seeded.StartDate);
        Assert.Equal(DateOnly.ParseExact(end, "yyyy-MM-dd"), seeded.EndDate);
    }

    // A month: the last working day within one month of the start (the "at most one month" rule): from Monday 1 March
    // 2027 to Wednesday 31 March. Before: no length read, the end left empty.
    public static TheoryData<string, string> MonthStays => new()
    {
        { "I want to go to Italy in March for a month", "en" },
        { "I want to go to Italy in March for one month", "en" },
        { "quero ir a Itália em março por um mês", "pt" },
        { "quiero viajar a Italia en marzo por un mes", "es" },
        { "vorrei andare in Spagna a marzo per un mese", "it" },
        { "martta italyaya bir ay gitmek istiyorum", "tr" },
        { "chci jet do Itálie v březnu na měsíc", "cs" },
    };

    [Theory]
    [MemberData(nameof(MonthStays))]
    public void Recognize_TravelWishForAMonth_OneMonthAndTheLastWorkingDayWithinIt(string text, string language)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(1, result.Entities.StayMonths);
        Assert.Null(result.Entities.StayDays);
        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, new Dictionary<string, string>(), new DateOnly(2026, 11, 26), ExchangeTexts.Resolve(language));
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)), (seeded.StartDate, seeded.EndDate));
    }

    [Theory]
    [InlineData("2027-03-01", "2027-03-31")]   // Mon → Wed 31 March
    [InlineData("2027-03-15", "2027-04-14")]   // Mon → Wed 14 April
    [InlineData("2027-05-03", "2027-06-02")]   // Mon → Wed 2 June (3 June is a month and a day)
    [InlineData("2027-04-05", "2027-05-04")]   // Mon → Tue 4 May
    [InlineData("2027-02-08", "2027-03-05")]   // Mon → Sun 7 March is a month: the Friday before
    public void EndOfMonths_OneMonth_TheLastWorkingDayWithinTheRule(string start, string end)
    {
        var first = DateOnly.ParseExact(start, "yyyy-MM-dd");
        var last = ExchangeFormSeed.EndOfMonths(first, 1);

        Assert.Equal(DateOnly.ParseExact(end, "yyyy-MM-dd"), last);
        Assert.True(last <= ExchangeEligibility.LastDayOfOneMonth(first));
        Assert.False(ExchangeEligibility.IsWeekend(last));
    }

    [Theory]
    [InlineData("quiero ir a Italia en marzo una semana", 7, "2027-03-05")]
    [InlineData("quiero ir a Italia en marzo dos semanas", 14, "2027-03-12")]
    [InlineData("vorrei andare in Spagna a marzo due settimane", 14, "2027-03-12")]
    public void Recognize_WeeksWithoutAPreposition_StayDays(string text, int days, string end)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(days, result.Entities.StayDays);
        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, new Dictionary<string, string>(), new DateOnly(2026, 11, 26), ExchangeTexts.Spanish);
        Assert.Equal(DateOnly.ParseExact(end, "yyyy-MM-dd"), seeded.EndDate);
    }

    [Theory]
    [InlineData("quiero ir a Italia en una semana")]
    [InlineData("fui a Italia hace una semana")]
    [InlineData("sono andato in Spagna una settimana fa")]
    [InlineData("bir ay sonra italyaya gitmek istiyorum")]
    [InlineData("quero ir a Itália no próximo mês")]
    public void Recognize_APointInTime_NoStay(string text)
    {
        var entities = recognizer.Recognize(text, null).Entities;

        Assert.Null(entities.StayDays);
        Assert.Null(entities.StayMonths);
    }

    [Theory]
    [InlineData("I want to go to Italy for a week")]
    [InlineData("vorrei andare in Spagna per due settimane")]
    [InlineData("chci jet do Itálie na týden")]
    public void Seed_StayLengthWithoutAStart_NoEndDate(string text)
    {
        var result = recognizer.Recognize(text, null);

        Assert.NotNull(result.Entities.StayDays);
        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, new Dictionary<string, string>(), new DateOnly(2026, 11, 26), ExchangeTexts.English);
        Assert.Null(seeded.StartDate);
        Assert.Null(seeded.EndDate);
    }

    [Fact]
    public void Seed_FromADayForAWeek_EndsTheWeekdayBeforeTheSameWeekday()
    {
        // Wednesday 3 March for a week: to Tuesday 9 March.
        var result = recognizer.Recognize("exchange in Italy from 3 March for a week", null);

        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, new Dictionary<string, string>(), new DateOnly(2026, 11, 26), ExchangeTexts.English);

        Assert.Equal((new DateOnly(2027, 3, 3), new DateOnly(2027, 3, 9)), (seeded.StartDate, seeded.EndDate));
    }

    [Theory]
    [InlineData("I want to go to Italy in a week")]
    [InlineData("I want to go to Italy next week")]
    [InlineData("quero ir a Itália na semana de 1 de março")]
    [InlineData("quiero viajar a Italia la semana que viene")]
    [InlineData("vorrei andare in Spagna fra una settimana")]
    [InlineData("bir hafta sonra italyaya gitmek istiyorum")]
    [InlineData("chci jet do Itálie za týden")]
    [InlineData("I want to go to Italy in March")]
    public void Recognize_NoStayLength_NoStayDays(string text)
    {
        Assert.Null(recognizer.Recognize(text, null).Entities.StayDays);
    }

    [Fact]
    public void Recognize_StayLengthWords_AreNoSearchKeywords()
    {
        var result = recognizer.Recognize("find partners in Italy for two weeks", null);

        Assert.DoesNotContain(result.Entities.Keywords, k => k is "two" or "weeks");
    }
}
