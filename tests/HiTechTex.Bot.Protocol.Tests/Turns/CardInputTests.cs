using System.Text.Json;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class CardInputTests
{
    private static JsonElement Data(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void TryGetText_LoneSurrogate_RefusedWithoutThrowing()
    {
        var data = Data("""{ "outcomes": "\ud800x" }""");

        Assert.False(CardInput.TryGetText(data, "outcomes", out var text));
        Assert.Null(text);
    }

    [Theory]
    [InlineData("""nul\u0000""")]
    [InlineData("""bell\u0007""")]
    [InlineData("""esc\u001b[31m""")]
    [InlineData("""del\u007f""")]
    [InlineData("""c1\u0085""")]
    public void TryGetText_ControlCharacter_Refused(string escaped)
    {
        Assert.False(CardInput.TryGetText(Data($$"""{ "comment": "{{escaped}}" }"""), "comment", out var text));
        Assert.Null(text);
    }

    [Fact]
    public void TryGetText_MultiLineTextAndNonLatinScripts_AcceptedAsSent()
    {
        Assert.True(CardInput.TryGetText(Data("""{ "agenda": " Día 1:\tlab\r\nDen 2: ČŘ 🧵 " }"""), "agenda", out var text));
        Assert.Equal(" Día 1:\tlab\r\nDen 2: ČŘ 🧵 ", text);
    }

    [Theory]
    [InlineData("""{ "other": "x" }""")]
    [InlineData("""{ "agenda": 3 }""")]
    [InlineData("""{ "agenda": ["\ud800"] }""")]
    [InlineData("""["agenda"]""")]
    public void TryGetText_AbsentOrNotAString_NullAndNotRefused(string json)
    {
        Assert.True(CardInput.TryGetText(Data(json), "agenda", out var text));
        Assert.Null(text);
    }

    [Theory]
    [InlineData("""{ "agenda": 3 }""")]
    [InlineData("""{ "agenda": true }""")]
    [InlineData("""{ "agenda": ["Day 1"] }""")]
    [InlineData("""{ "agenda": { "text": "Day 1" } }""")]
    [InlineData("""{ "agenda": "\ud800" }""")]
    public void TryGetInputText_ValueNoInputSends_Refused(string json)
    {
        Assert.False(CardInput.TryGetInputText(Data(json), "agenda", out var text));
        Assert.Null(text);
    }

    [Theory]
    [InlineData("""{ "other": "x" }""", null)]
    [InlineData("""{ "agenda": null }""", null)]
    [InlineData("""["agenda"]""", null)]
    [InlineData("""{ "agenda": " Day 1 " }""", " Day 1 ")]
    public void TryGetInputText_AbsentNullOrText_AcceptedAsSent(string json, string? expected)
    {
        Assert.True(CardInput.TryGetInputText(Data(json), "agenda", out var text));
        Assert.Equal(expected, text);
    }
}
