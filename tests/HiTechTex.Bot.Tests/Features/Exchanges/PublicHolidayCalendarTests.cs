using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;
using static HiTechTex.Bot.Tests.Features.Exchanges.ExchangeTestData;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// Before: working days were Monday to Friday less a few configured dates (a handful for 2026–27), so a national holiday
/// of the host country outside that list — 8 December 2027 in Portugal, Good Friday 2028, Turkey's Kurban Bayramı —
/// counted as a working day, and a first working day on a public holiday was accepted. Now one calendar
/// (<see cref="PublicHolidayCalendar"/>) knows the national holidays of the five countries of the partnership.
/// </summary>
public sealed class PublicHolidayCalendarTests
{
    // No configured days: the national calendar alone.
    private readonly ExchangeEligibility eligibility = new(Monitor(Options()));

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2019, 4, 21)]
    [InlineData(2038, 4, 25)]
    public void Easter_KnownYears(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PublicHolidayCalendar.Easter(year));

    [Theory]
    // Portugal: fixed and Easter-based (Good Friday, Corpus Christi = Easter + 60).
    [InlineData("PT", "2027-03-26", "Sexta-feira Santa", "Good Friday")]
    [InlineData("PT", "2027-05-27", "Corpo de Deus", "Corpus Christi")]
    [InlineData("PT", "2028-04-25", "Dia da Liberdade", "Freedom Day")]
    [InlineData("PT", "2027-12-08", "Imaculada Conceição", "Immaculate Conception")]
    [InlineData("PT", "2027-10-05", "Implantação da República", "Republic Day")]
    // Spain: the national days every community keeps.
    [InlineData("ES", "2027-10-12", "Fiesta Nacional de España", "National Day of Spain")]
    [InlineData("ES", "2028-04-14", "Viernes Santo", "Good Friday")]
    [InlineData("ES", "2027-12-06", "Día de la Constitución Española", "Constitution Day")]
    // Italy: Easter Monday, 2 June, 4 October from 2026.
    [InlineData("IT", "2027-03-29", "Lunedì dell'Angelo", "Easter Monday")]
    [InlineData("IT", "2027-06-02", "Festa della Repubblica", "Republic Day")]
    [InlineData("IT", "2027-10-04", "San Francesco d'Assisi", "St Francis of Assisi Day")]
    // Turkey: fixed days and the religious holidays of the Diyanet's table.
    [InlineData("TR", "2027-04-23", "Ulusal Egemenlik ve Çocuk Bayramı", "National Sovereignty and Children's Day")]
    [InlineData("TR", "2027-07-15", "Demokrasi ve Millî Birlik Günü", "Democracy and National Unity Day")]
    [InlineData("TR", "2026-05-27", "Kurban Bayramı", "Eid al-Adha (Kurban Bayramı)")]
    [InlineData("TR", "2026-05-29", "Kurban Bayramı", "Eid al-Adha (Kurban Bayramı)")]
    [InlineData("TR", "2027-03-09", "Ramazan Bayramı", "Eid al-Fitr (Ramazan Bayramı)")]
    [InlineData("TR", "2028-02-28", "Ramazan Bayramı", "Eid al-Fitr (Ramazan Bayramı)")]
    // Czechia: Good Friday, Easter Monday, 5–6 July, 24 December.
    [InlineData("CZ", "2027-03-26", "Velký pátek", "Good Friday")]
    [InlineData("CZ", "2027-03-29", "Velikonoční pondělí", "Easter Monday")]
    [InlineData("CZ", "2027-07-06", "Den upálení mistra Jana Husa", "Jan Hus Day")]
    [InlineData("CZ", "2027-12-24", "Štědrý den", "Christmas Eve")]
    public void On_ANationalHoliday_IsNamedAndNoWorkingDay(string country, string date, string local, string english)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var holiday = PublicHolidayCalendar.On(country, day, []);

        Assert.NotNull(holiday);
        Assert.Equal((local, english), (holiday.LocalName, holiday.EnglishName));
        Assert.False(PublicHolidayCalendar.IsWorkingDay(country, day, []));
        Assert.True(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), "a weekday, so that the test says something");
    }

    [Theory]
    [InlineData("PT", "2027-03-29")]   // Easter Monday is no holiday in Portugal
    [InlineData("ES", "2027-06-10")]   // Portugal Day, not Spain's
    [InlineData("IT", "2027-03-26")]   // Good Friday is no holiday in Italy
    [InlineData("CZ", "2027-05-27")]   // Corpus Christi is no holiday in Czechia
    [InlineData("TR", "2027-03-08")]   // arife: a half day, still a working day
    [InlineData("IT", "2025-10-06")]   // no 4 October holiday before 2026 (and a Monday anyway)
    [InlineData("FR", "2027-12-25")]   // a country the calendar does not know: no holiday
    public void On_NotANationalHolidayThere_IsAWorkingDay(string country, string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(PublicHolidayCalendar.On(country, day, []));
    }

    [Fact]
    public void Turkey_AfterTheTable_OnlyTheFixedAndTheConfiguredDays()
    {
        var year = PublicHolidayCalendar.TurkishReligiousTableLastYear + 1;
        var national = PublicHolidayCalendar.National("TR", year);

        Assert.DoesNotContain(national, h => h.LocalName is "Ramazan Bayramı" or "Kurban Bayramı");
        Assert.Contains(national, h => h.Date == new DateOnly(year, 10, 29));

        // The fallback: the partnership configures the Diyanet's dates for the years after the table.
        var configured = new[] { new DateOnly(year, 2, 14) };
        var holiday = PublicHolidayCalendar.On("TR", new DateOnly(year, 2, 14), configured);
        Assert.NotNull(holiday);
        Assert.Null(holiday.LocalName);
        Assert.Equal(new DateOnly(year, 2, 15), PublicHolidayCalendar.NextWorkingDay("TR", new DateOnly(year, 2, 13), configured));
    }

    [Theory]
    // Portugal: Mon 7 – Fri 11 June 2027 holds Portugal Day (Thursday 10) → 4.
    [InlineData("PT", "2027-06-07", "2027-06-11", 4)]
    // Spain: Mon 11 – Fri 15 October 2027 holds the National Day (Tuesday 12) → 4.
    [InlineData("ES", "2027-10-11", "2027-10-15", 4)]
    // Italy: Mon 29 March – Fri 2 April 2027 starts on Easter Monday → 4.
    [InlineData("IT", "2027-03-29", "2027-04-02", 4)]
    // Turkey: Mon 8 – Fri 12 March 2027 holds Ramazan Bayramı (Tue–Thu) → 2.
    [InlineData("TR", "2027-03-08", "2027-03-12", 2)]
    // Czechia: Mon 5 – Fri 9 July 2027 holds 5 and 6 July → 3.
    [InlineData("CZ", "2027-07-05", "2027-07-09", 3)]
    // Czechia: the same week in Portugal has no holiday → 5.
    [InlineData("PT", "2027-07-05", "2027-07-09", 5)]
    public void CountWorkingDays_PerHostCountry(string country, string from, string to, int expected)
    {
        var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, eligibility.CountWorkingDays(country, start, end));
    }

    [Fact]
    public void CountWorkingDays_AcrossTheWholeCalendar_Answers()
    {
        // Stored dates from year 1 to 9999 still give an answer (no stepping out of the calendar).
        Assert.True(eligibility.CountWorkingDays("IT", DateOnly.MinValue, DateOnly.MaxValue) > 0);
        Assert.Equal(DateOnly.MaxValue, PublicHolidayCalendar.NextWorkingDay("IT", DateOnly.MaxValue, []));
    }

    [Fact]
    public void Check_ThreeWorkingDaysWithAHolidayInside_TooFew()
    {
        // Wed 9 – Fri 11 June 2027 at a Portuguese host: 10 June (Portugal Day) is out, 2 working days remain.
        var result = eligibility.Check(Clutex, Citeve, new DateOnly(2027, 6, 9), new DateOnly(2027, 6, 11), Today, false);

        Assert.Equal(2, result.WorkingDays);
        Assert.Contains(EligibilityProblem.TooFewWorkingDays, result.Problems);
    }

    [Fact]
    public void Check_FirstOrLastWorkingDayOnAHolidayOfTheHostCountry_RefusedNamingIt()
    {
        // Portuguese host: Thursday 10 June 2027 is Portugal Day; Wednesday 8 December 2027 the Immaculate Conception.
        var start = eligibility.Check(Clutex, Citeve, new DateOnly(2027, 6, 10), new DateOnly(2027, 6, 16), Today, false);
        var end = eligibility.Check(Clutex, Citeve, new DateOnly(2027, 12, 2), new DateOnly(2027, 12, 8), Today, false);
        // The same start at a Czech host is a working day.
        var elsewhere = eligibility.Check(Citeve, Clutex, new DateOnly(2027, 6, 10), new DateOnly(2027, 6, 16), Today, false);

        Assert.Contains(EligibilityProblem.StartOnHoliday, start.Problems);
        Assert.Equal(new DateOnly(2027, 6, 10), start.Holidays.Start!.Date);
        Assert.Contains(EligibilityProblem.EndOnHoliday, end.Problems);
        Assert.Equal("Imaculada Conceição", end.Holidays.End!.LocalName);
        Assert.True(elsewhere.IsEligible);
        Assert.True(ExchangeEligibility.HasDateProblem(start));
    }

    [Fact]
    public void Problem_HolidayReason_NamesDayCountryAndHoliday_InSixLanguages()
    {
        var result = eligibility.Check(Clutex, Citeve, new DateOnly(2027, 6, 10), new DateOnly(2027, 6, 16), Today, false);

        var day = ExchangeTime.Day(new DateOnly(2027, 6, 10), ExchangeCards.Culture("en"));
        Assert.Equal(
            $"First working day: {day} is a public holiday in Portugal (Portugal Day); give another day.",
            ExchangeTexts.English.Problem(result, EligibilityProblem.StartOnHoliday));
        foreach (var language in new[] { "en", "pt", "es", "it", "tr", "cs" })
        {
            var texts = ExchangeTexts.Resolve(language);
            var text = texts.Problem(result, EligibilityProblem.StartOnHoliday);
            Assert.StartsWith(texts.StartDate, text, StringComparison.Ordinal);
            Assert.Contains(ExchangeTime.Day(new DateOnly(2027, 6, 10), ExchangeCards.Culture(language)), text, StringComparison.Ordinal);
            Assert.Contains(PartnerTexts.Resolve(language).Countries["PT"], text, StringComparison.Ordinal);
            Assert.Contains(language == "en" ? "Portugal Day" : "Dia de Portugal", text, StringComparison.Ordinal);
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Seed_AStartOnAHolidayOfTheNamedHostCountry_MovesToTheNextWorkingDayAndNamesTheHoliday()
    {
        // "on 8 December" said on Friday 27 November 2026 to Italy: the Immaculate Conception (a Tuesday) → Wednesday 9.
        var texts = ExchangeTexts.English;
        var today = new DateOnly(2026, 11, 27);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var recognized = new LocalIntentRecognizer(new FakeTimeProvider(now)).Recognize("I want to go to Italy on 8 December", null);
        Assert.Equal(new DateOnly(2026, 12, 8), Assert.Single(recognized.Entities.Dates));

        var seeded = ExchangeFormSeed.From(new ExchangeFormState(), recognized.Entities, new Dictionary<string, string>(), today, texts, eligibility);

        Assert.Equal(new DateOnly(2026, 12, 9), seeded.StartDate);
        var holiday = PublicHolidayCalendar.On("IT", new DateOnly(2026, 12, 8), [])!;
        Assert.Equal(texts.StartMovedFromHoliday(holiday, new DateOnly(2026, 12, 9)), seeded.Notice);
        Assert.Contains("Immaculate Conception", seeded.Notice, StringComparison.Ordinal);
        Assert.Contains("Italy", seeded.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_AStayForAWeekEndingOnAHoliday_EndsOnTheWorkingDayBefore()
    {
        // A week from Monday 20 December 2027 at a Czech host would end on Friday 24 (Christmas Eve there): Thursday 23.
        Assert.Equal(new DateOnly(2027, 12, 23), ExchangeFormSeed.EndOfStay(new DateOnly(2027, 12, 20), 5, d => eligibility.IsWorkingDay("CZ", d)));
    }
}
