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
    public void Recognize_DayAndMonthNameInSixLanguages_GivesTheNextSuchDate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("marzo")]
    public void Recognize_NoDay_IsNull(string text)
    {
        Assert.Null(new DateTextRecognizer().Recognize(text, CultureInfo.InvariantCulture, Today));
    }
}
