using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// "dentro de una semana", "daqui a uma semana", "tra una settimana", "in a week", "bir hafta sonra", "za týden": a day
/// from today — when the exchange starts — not how long it lasts ("dentro de una semana" was a stay of 7 days, and the
/// other languages' words were search keywords).
/// </summary>
public sealed class StartOffsetTests
{
    // Thursday 26 November 2026.
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    public static TheoryData<string, string, string> InAWeek => new()
    {
        { "quiero ir a Italia dentro de una semana", "es", "2026-12-03" },
        { "quiero ir a Italia de aquí a dos semanas", "es", "2026-12-10" },
        { "quiero ir a Italia en una semana", "es", "2026-12-03" },
        { "quero ir a Itália daqui a uma semana", "pt", "2026-12-03" },
        { "quero ir a Itália dentro de duas semanas", "pt", "2026-12-10" },
        { "vorrei andare in Italia tra una settimana", "it", "2026-12-03" },
        { "vorrei andare in Spagna fra 10 giorni", "it", "2026-12-06" },
        { "I want to go to Italy in a week", "en", "2026-12-03" },
        { "I want to go to Italy two weeks from now", "en", "2026-12-10" },
        { "bir hafta sonra İtalya'ya gitmek istiyorum", "tr", "2026-12-03" },
        { "iki hafta sonra İspanya'ya gitmek istiyorum", "tr", "2026-12-10" },
        { "chci jet do Itálie za týden", "cs", "2026-12-03" },
        { "chci jet do Španělska za dva týdny", "cs", "2026-12-10" },
        { "chci jet do Itálie za měsíc", "cs", "2026-12-26" },
    };

    [Theory]
    [MemberData(nameof(InAWeek))]
    public void Recognize_TimeFromToday_IsTheStartDateNotAStay(string text, string language, string start)
    {
        var result = recognizer.Recognize(text, null);
        var date = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(language, result.Language);
        Assert.Equal([date], result.Entities.Dates);
        Assert.Null(result.Entities.StayDays);
        Assert.Null(result.Entities.StayMonths);
        Assert.Empty(result.Entities.Keywords);
        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), result.Entities, new Dictionary<string, string>(), Today, ExchangeTexts.Resolve(language));
        // A day on a weekend ("fra 10 giorni": Sunday 6 December) starts the form on the Monday after (the Check refuses
        // a weekend as the first working day), which the form's notice says.
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        Assert.Equal((weekend ? ExchangeFormSeed.NextWorkingDay(date) : date, (DateOnly?)null), (seeded.StartDate!.Value, seeded.EndDate));
        Assert.Equal(weekend, seeded.Notice is not null);
    }

    [Theory]
    [InlineData("quiero ir a Italia dentro de una semana por dos semanas", "es", "2026-12-03", 14)]
    [InlineData("quero ir a Itália daqui a duas semanas por uma semana", "pt", "2026-12-10", 7)]
    [InlineData("vorrei andare in Spagna fra due settimane per una settimana", "it", "2026-12-10", 7)]
    [InlineData("I want to go to Italy in two weeks for a week", "en", "2026-12-10", 7)]
    [InlineData("iki hafta sonra İtalya'ya bir hafta gitmek istiyorum", "tr", "2026-12-10", 7)]
    [InlineData("chci jet do Itálie za dva týdny na týden", "cs", "2026-12-10", 7)]
    public void Recognize_TimeFromTodayAndAStay_BothRead(string text, string language, string start, int days)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(language, result.Language);
        Assert.Equal([DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture)], result.Entities.Dates);
        Assert.Equal(days, result.Entities.StayDays);
    }

    [Theory]
    [InlineData("quiero ir a Italia en una semana de marzo")]
    [InlineData("chci jet do Itálie na týden")]
    [InlineData("I want to go to Italy for a week")]
    public void Recognize_NoTimeFromToday_NoDate(string text)
    {
        Assert.Empty(recognizer.Recognize(text, null).Entities.Dates);
    }

    [Theory]
    [InlineData("in a week", 2026, 12, 3)]
    [InlineData("za týden", 2026, 12, 3)]
    [InlineData("daqui a duas semanas", 2026, 12, 10)]
    public void DateTextRecognizer_TimeFromToday_IsThatDay(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }
}
