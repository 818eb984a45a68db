using System.Globalization;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Language;

public sealed class DateTextRecognizerTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("2 March", 2027, 3, 2)]
    [InlineData("3 de dezembro", 2026, 12, 3)]
    [InlineData("2 de marzo de 2028", 2028, 3, 2)]
    [InlineData("2 marzo", 2027, 3, 2)]
    [InlineData("2 marzo 2027", 2027, 3, 2)]
    [InlineData("dal 2 marzo al 6 marzo", 2027, 3, 2)]
    [InlineData("2 mart", 2027, 3, 2)]
    [InlineData("3. prosince", 2026, 12, 3)]
    [InlineData("1 November", 2027, 11, 1)]
    // Ordinal days: before, none was a date (the date question answered "I did not understand that date" to "December 3rd").
    [InlineData("March 2nd", 2027, 3, 2)]
    [InlineData("December 3rd", 2026, 12, 3)]
    [InlineData("the 1st of March 2028", 2028, 3, 1)]
    [InlineData("21st November", 2027, 11, 21)]
    [InlineData("November 30th", 2026, 11, 30)]
    [InlineData("December the 22nd", 2026, 12, 22)]
    [InlineData("1º de março", 2027, 3, 1)]
    [InlineData("1º de marzo de 2028", 2028, 3, 1)]
    [InlineData("1º marzo", 2027, 3, 1)]
    // A range that writes its month once is its first day: before, 6 March (the first day was no date) — the start
    // question took the range's last day.
    [InlineData("dal 2 al 6 marzo", 2027, 3, 2)]
    [InlineData("del 2 al 6 de marzo", 2027, 3, 2)]
    [InlineData("de 2 a 6 de março", 2027, 3, 2)]
    [InlineData("od 2. do 6. března", 2027, 3, 2)]
    [InlineData("2-6 March", 2027, 3, 2)]
    [InlineData("2–6 Mart", 2027, 3, 2)]
    [InlineData("from 2 to 6 March", 2027, 3, 2)]
    [InlineData("March 2-6", 2027, 3, 2)]
    public void Recognize_DayAndMonthNameInSixLanguages_GivesTheNextSuchDate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("marzo")]
    [InlineData("the 3rd")]
    [InlineData("3rd generation fibres")]
    [InlineData("March 32nd")]
    [InlineData("March 123rd")]
    public void Recognize_NoDay_IsNull(string text)
    {
        Assert.Null(new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }
}
