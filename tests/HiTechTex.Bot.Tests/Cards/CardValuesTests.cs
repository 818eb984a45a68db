using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Cards.Templating;

namespace HiTechTex.Bot.Tests.Cards;

public sealed class CardValuesTests
{
    [Fact]
    public void Timestamp_AnyOffset_IsTheUtcFormConvertFromUtcAccepts()
    {
        var time = new DateTimeOffset(2026, 3, 29, 3, 30, 0, 123, TimeSpan.FromHours(2));

        Assert.Equal("2026-03-29T01:30:00.123Z", CardValues.Timestamp(time));
    }

    [Theory]
    [InlineData("de-DE", "29.03.2026 03:30")]
    [InlineData("en-GB", "29/03/2026 02:30")]
    public void DateTimePattern_UserLocaleAndZone_ShowsLocalTime(string locale, string expected)
    {
        var template = CardTemplate.Parse("""{ "text": "${convertFromUTC(at, timeZone, format)}" }""");
        var zone = locale == "de-DE" ? "Europe/Berlin" : "Europe/London";
        var data = new JsonObject
        {
            ["at"] = CardValues.Timestamp(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero)),
            ["timeZone"] = zone,
            ["format"] = CardValues.DateTimePattern(locale),
        };

        var card = template.Expand(data);

        Assert.Equal(expected, card!["text"]!.GetValue<string>());
    }

    [Fact]
    public void DatePattern_UnknownLocale_FallsBackToInvariant()
    {
        Assert.Equal("MM/dd/yyyy", CardValues.DatePattern("xx-not-a-locale-at-all"));
    }
}
