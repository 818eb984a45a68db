using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A day written that is on no calendar — 30 or 31 February, 31 April, 29 February of a year without it — in the six
/// languages' date forms. Before: "31 February" was no date, so its month made the request's start the month's first
/// Monday (1 Feb), and "from 30/02/2027 to 05/03/2027" made the last day the first. Now it is found as such, no month,
/// no other date.
/// </summary>
public sealed class NoSuchDayTests
{
    // Friday 27 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("from 30/02/2027 to 05/03/2027", 30, 2, 2027)]
    [InlineData("2027-02-30", 30, 2, 2027)]
    [InlineData("31.4.2027", 31, 4, 2027)]
    [InlineData("29/02/2027", 29, 2, 2027)]
    [InlineData("from 31 February for three days", 31, 2, null)]
    [InlineData("February 30", 30, 2, null)]
    [InlineData("April 31 2027", 31, 4, 2027)]
    [InlineData("a partir de 31 de fevereiro", 31, 2, null)]
    [InlineData("el 30 de febrero de 2027", 30, 2, 2027)]
    [InlineData("dal 31 febbraio", 31, 2, null)]
    [InlineData("31 Şubat'ta", 31, 2, null)]
    [InlineData("31. února na tři dny", 31, 2, null)]
    [InlineData("31. dubna 2027", 31, 4, 2027)]
    [InlineData("30 settembre 31 settembre", 31, 9, null)]
    // No year: the next February (2027) has no 29th, and that year is named.
    [InlineData("29 February", 29, 2, 2027)]
    public void FindNoSuchDays_ADayOnNoCalendar_FoundWithWhatWasWritten(string text, int day, int month, int? year)
    {
        var found = DateParser.FindNoSuchDays(TextNormalizer.Tokenize(text), Today);

        Assert.Equal(new NoSuchDate(day, month, year), Assert.Single(found).Day);
    }

    [Theory]
    [InlineData("29/02/2028")]
    [InlineData("from 1 March to 5 March")]
    [InlineData("31 dicembre")]
    [InlineData("30. dubna")]
    [InlineData("2027-13-40")]
    [InlineData("45/02/2027")]
    [InlineData("31 de fevereiro de 3000")]
    [InlineData("31 partners in Italy")]
    [InlineData("2 pro začátečníky")]
    public void FindNoSuchDays_RealDaysAndNoDates_NoneFound(string text)
    {
        Assert.Empty(DateParser.FindNoSuchDays(TextNormalizer.Tokenize(text), Today));
    }

    [Fact]
    public void FindNoSuchDays_29FebruaryWithoutAYear_ExistsWhenTheNextFebruaryHasIt()
    {
        Assert.Empty(DateParser.FindNoSuchDays(TextNormalizer.Tokenize("29 February"), new DateOnly(2027, 11, 27)));
    }

    public static TheoryData<string> ImpossibleStarts => new()
    {
        "I want to do an exchange in Italy from 31 February for three days",
        "quero fazer um intercâmbio em Itália a partir de 31 de fevereiro",
        "quiero hacer un intercambio en Italia el 30 de febrero",
        "vorrei fare uno scambio in Italia dal 31 febbraio",
        "chci na výměnu do Itálie 31. února na tři dny",
    };

    [Theory]
    [MemberData(nameof(ImpossibleStarts))]
    public void Recognize_ADayOnNoCalendar_NoDateNoMonthAndTheDaySaid(string typed)
    {
        var result = Recognizer().Recognize(typed, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Empty(result.Entities.Dates);
        Assert.Null(result.Entities.Month);   // before: February, so the form started on Monday 1 February
        var day = Assert.Single(result.Entities.NoSuchDates);
        Assert.Equal(2, day.Month);
        Assert.Equal("IT", result.Entities.Country);
        Assert.DoesNotContain(result.Entities.Keywords, k => k.Contains("febr", StringComparison.OrdinalIgnoreCase) || k.Contains("31", StringComparison.Ordinal));
    }

    [Fact]
    public void Recognize_ARangeFromADayOnNoCalendar_TheRealDateIsSaidToComeAfterIt()
    {
        var result = Recognizer().Recognize("I want to do an exchange in Italy from 30/02/2027 to 05/03/2027", null);

        Assert.Equal([new DateOnly(2027, 3, 5)], result.Entities.Dates);
        Assert.Equal(new NoSuchDate(30, 2, 2027, DatesBefore: 0), Assert.Single(result.Entities.NoSuchDates));
    }

    [Fact]
    public void Recognize_ARangeToADayOnNoCalendar_TheRealDateComesBeforeIt()
    {
        var result = Recognizer().Recognize("I want to do an exchange in Italy from 1 March to 31 April", null);

        Assert.Equal([new DateOnly(2027, 3, 1)], result.Entities.Dates);
        Assert.Equal(new NoSuchDate(31, 4, null, DatesBefore: 1), Assert.Single(result.Entities.NoSuchDates));
        Assert.Null(result.Entities.Month);
    }

    [Theory]
    [InlineData("31 febbraio")]
    [InlineData("dal 31 febbraio al 6 marzo")]
    [InlineData("from 30/02/2027 to 05/03/2027")]
    public void DateTextRecognizer_ADayOnNoCalendarFirst_NoDateNeverTheNextOne(string answer)
    {
        // The step-by-step questions' reading: before, "dal 31 febbraio al 6 marzo" was 6 March.
        Assert.Null(new DateTextRecognizer().Recognize(answer, System.Globalization.CultureInfo.GetCultureInfo("it-IT"), Today));
        Assert.NotNull(DateTextRecognizer.NoSuchDayIn(answer, Today));
    }

    [Fact]
    public void DateTextRecognizer_ARealDayFirst_IsTheDate()
    {
        Assert.Equal(new DateOnly(2027, 3, 2), new DateTextRecognizer().Recognize("dal 2 marzo al 31 marzo", System.Globalization.CultureInfo.GetCultureInfo("it-IT"), Today));
        Assert.Null(DateTextRecognizer.NoSuchDayIn("dal 2 marzo al 31 aprile", Today));
    }

    private static LocalIntentRecognizer Recognizer() =>
        new(new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));
}
