using System.Globalization;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards.Templating;

namespace HiTechTex.Bot.Tests.Cards;

/// <summary>The public API of <see cref="CardTemplate"/>; the language itself is covered by the oracle tests.</summary>
public sealed class CardTemplateTests
{
    [Fact]
    public void Expand_StringData_ReturnsCardJson()
    {
        var template = CardTemplate.Parse("""{ "text": "Hello ${name}, you have ${count(items)}", "n": "${count(items)}" }""");

        var json = template.Expand("""{ "name": "Ann", "items": [1, 2, 3] }""");

        Assert.Equal("""{"text":"Hello Ann, you have 3","n":3}""", json);
    }

    [Fact]
    public void Expand_SameTemplateTwice_IsIndependentOfTheFirstExpansion()
    {
        var template = CardTemplate.Parse("""{ "body": [ { "$data": "${items}", "text": "${$index}:${name}" } ] }""");

        var first = template.Expand(JsonNode.Parse("""{ "items": [ { "name": "a" }, { "name": "b" } ] }"""));
        var second = template.Expand(JsonNode.Parse("""{ "items": [ { "name": "c" } ] }"""));

        Assert.Equal("""{"body":[{"text":"0:a"},{"text":"1:b"}]}""", first!.ToJsonString());
        Assert.Equal("""{"body":[{"text":"0:c"}]}""", second!.ToJsonString());
    }

    [Fact]
    public void Expand_UnderAnotherCulture_FormatsInvariantly()
    {
        var template = CardTemplate.Parse("""{ "a": "${1.5} ${formatNumber(1234.5, 1)} ${formatDateTime('2026-01-02T03:04:05.000Z', 'ddd MMM d')}" }""");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            var json = template.Expand("{}");

            Assert.Equal("""{"a":"1.5 1,234.5 Fri Jan 2"}""", json);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Expand_DataBuiltFromDatesGuidsAndChars_ReadsThemAsTheStringsTheyAreSentAs()
    {
        var template = CardTemplate.Parse("""{ "text": "${at} ${id} ${c}${d}", "at": "${at}", "n": "${count(concat(at, id))}" }""");
        var data = new JsonObject
        {
            ["at"] = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.FromHours(2)),
            ["id"] = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            ["c"] = 'x',
            ["d"] = new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Utc),
        };

        var fromObjects = template.Expand(data)!.ToJsonString();
        var fromJson = template.Expand(data.ToJsonString());

        Assert.Equal(fromJson, fromObjects);
        Assert.Equal(
            """{"text":"2026-03-29T01:00:00\u002B02:00 0f8fad5b-d9cb-469f-a165-70867728950e x2026-10-25T01:30:00Z","at":"2026-03-29T01:00:00\u002B02:00","n":61}""",
            fromObjects);
    }

    [Fact]
    public void Expand_NullInInterpolation_ThrowsLikeTheOfficialEngine()
    {
        var template = CardTemplate.Parse("""{ "text": "Hi ${name}" }""");

        var ex = Assert.Throws<CardTemplateException>(() => template.Expand("""{ "name": null }"""));

        Assert.Contains("null", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "text": "${add(1,}" }""")]
    [InlineData("""{ "text": "a `b` ${c}" }""")]
    [InlineData("""{ "text": "${if(a)}" }""")]
    [InlineData("""{ "text": """)]
    public void Parse_InvalidTemplate_ThrowsCardTemplateException(string json)
    {
        Assert.Throws<CardTemplateException>(() => CardTemplate.Parse(json));
    }

    [Fact]
    public void Expand_UnknownFunctionAlone_ThrowsButInInterpolationIsLeftAsText()
    {
        var alone = CardTemplate.Parse("""{ "a": "${nope(1)}" }""");
        var interpolated = CardTemplate.Parse("""{ "a": "x ${nope(1)}" }""");

        Assert.Throws<CardTemplateException>(() => alone.Expand("{}"));
        Assert.Equal("""{"a":"x ${nope(1)}"}""", interpolated.Expand("{}"));
    }
}
