using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Cards.Templating;
using Moq;

namespace HiTechTex.Bot.Tests.Cards;

public sealed class CardRendererTests
{
    private static CardRenderer RendererFor(string templateJson)
    {
        var store = new Mock<ICardTemplateStore>();
        store.Setup(s => s.Get("t")).Returns(CardTemplate.Parse(templateJson));
        return new CardRenderer(store.Object);
    }

    [Fact]
    public void Render_BoundCard_ReturnsAdaptiveCardAttachmentWithTheCard()
    {
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Hi ${name}" } ] }""");

        var attachment = renderer.Render("t", JsonNode.Parse("""{ "name": "Ann" }"""));

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("Hi Ann", attachment.Content!.Value.GetProperty("body")[0].GetProperty("text").GetString());
    }

    private const string FormTemplate = """
        { "type": "AdaptiveCard", "version": "1.5", "body": [
          { "type": "Input.Text", "id": "title", "maxLength": 10, "value": "${title}" },
          { "type": "Input.Date", "id": "date", "value": "${date}" },
          { "type": "Input.ChoiceSet", "id": "pick", "isMultiSelect": true, "value": "${pick}",
            "choices": [ { "title": "A", "value": "alpha" }, { "title": "B", "value": "beta" } ] } ] }
        """;

    [Fact]
    public void RenderForm_ValuesBeyondWhatTheInputsTake_CutNeverHalfAnEmojiAndTheCardIsSent()
    {
        var renderer = RendererFor(FormTemplate);
        var data = new JsonObject
        {
            ["title"] = "123456789🧵" + new string('x', 20_000),
            ["date"] = new string('9', 20_000),
            ["pick"] = "alpha,beta" + new string('y', 20_000),
        };

        var card = renderer.RenderForm("t", data).Content!.Value.GetProperty("body");

        Assert.Equal("123456789", card[0].GetProperty("value").GetString());
        // No date, and no choice: "betayyy…" is not among the choices.
        Assert.False(card[1].TryGetProperty("value", out _));
        Assert.Equal("alpha", card[2].GetProperty("value").GetString());
    }

    private const string ValuesTemplate = """
        { "type": "AdaptiveCard", "version": "1.5", "body": [
          { "type": "Input.Toggle", "id": "consent", "title": "Consent", "valueOn": "true", "valueOff": "false", "value": "${consent}" },
          { "type": "Input.Toggle", "id": "news", "title": "News", "valueOn": "ja", "valueOff": "nein", "value": "${news}" },
          { "type": "Input.Toggle", "id": "plain", "title": "Plain", "value": "${plain}" },
          { "type": "Input.ChoiceSet", "id": "many", "isMultiSelect": true, "value": "${many}",
            "choices": [ { "$data": "${offered}", "title": "${title}", "value": "${value}" } ] },
          { "type": "Input.ChoiceSet", "id": "one", "value": "${one}",
            "choices": [ { "$data": "${offered}", "title": "${title}", "value": "${value}" } ] },
          { "type": "Input.Date", "id": "date", "value": "${date}" },
          { "type": "Input.Time", "id": "time", "value": "${time}" },
          { "type": "Input.Number", "id": "count", "min": 1, "max": 1000, "value": "${count}" },
          { "type": "Input.Number", "id": "any", "value": "${any}" } ] }
        """;

    private static JsonObject Values(string consent, string news, string plain, string many, string one, string date, string time, JsonNode count, string any) => new()
    {
        ["consent"] = consent, ["news"] = news, ["plain"] = plain, ["many"] = many, ["one"] = one,
        ["date"] = date, ["time"] = time, ["count"] = count, ["any"] = any,
        ["offered"] = new JsonArray(
            new JsonObject { ["title"] = "Alpha", ["value"] = "alpha" },
            new JsonObject { ["title"] = "Beta", ["value"] = "beta" },
            new JsonObject { ["title"] = "Gamma", ["value"] = "gamma" }),
    };

    private static string? Value(JsonElement body, string id)
    {
        var input = body.EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        return input.TryGetProperty("value", out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
    }

    [Fact]
    public void RenderForm_ValuesEachInputCanHold_KeptAsSent()
    {
        var renderer = RendererFor(ValuesTemplate);
        var data = Values("false", "ja", "true", "gamma,alpha", "beta", "2028-02-29", "23:59", 1000, "-5.5");

        var body = renderer.RenderForm("t", data).Content!.Value.GetProperty("body");

        Assert.Equal(["false", "ja", "true", "gamma,alpha", "beta", "2028-02-29", "23:59", "1000", "-5.5"],
            new[] { "consent", "news", "plain", "many", "one", "date", "time", "count", "any" }.Select(id => Value(body, id)));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("TRUE")]
    [InlineData("1")]
    [InlineData("on")]
    [InlineData("")]
    public void RenderForm_AToggleValueNeitherValueOnNorValueOff_ShowsWhatTheCardShowedBefore(string forged)
    {
        var renderer = RendererFor(ValuesTemplate);
        var data = Values(forged, forged, forged, "", "", "", "", "", "");
        var shown = Values("true", "nein", "false", "", "", "", "", "", "");

        var body = renderer.RenderForm("t", data, shown).Content!.Value.GetProperty("body");

        Assert.Equal("true", Value(body, "consent"));
        Assert.Equal("nein", Value(body, "news"));
        Assert.Equal("false", Value(body, "plain"));
    }

    [Fact]
    public void RenderForm_AToggleValueItCannotHoldAndNoCardBefore_NoValue()
    {
        var renderer = RendererFor(ValuesTemplate);
        var data = Values("yes", "true", "ja", "", "", "", "", "", "");

        var body = renderer.RenderForm("t", data).Content!.Value.GetProperty("body");

        Assert.Null(Value(body, "consent"));
        // "true" is not this toggle's valueOn ("ja"), and "ja" not the plain toggle's ("true").
        Assert.Null(Value(body, "news"));
        Assert.Null(Value(body, "plain"));
    }

    [Fact]
    public void RenderForm_AToggleBeforeThatCouldNotHoldItsValueEither_NoValue()
    {
        var renderer = RendererFor(ValuesTemplate);
        var data = Values("yes", "yes", "yes", "", "", "", "", "", "");
        var shown = Values("no", "yes", "", "", "", "", "", "", "");

        var body = renderer.RenderForm("t", data, shown).Content!.Value.GetProperty("body");

        Assert.Null(Value(body, "consent"));
        Assert.Null(Value(body, "news"));
        Assert.Null(Value(body, "plain"));
    }

    [Theory]
    [InlineData("alpha,not-a-choice,beta", "alpha,beta")]
    [InlineData("beta,beta,beta", "beta")]
    [InlineData("Alpha, beta ,gamma", "beta,gamma")]
    [InlineData("delta", null)]
    [InlineData("alpha,beta,gamma", "alpha,beta,gamma")]
    public void RenderForm_AMultiSelectValue_KeepsOnlyItsBoundChoices(string sent, string? kept)
    {
        var renderer = RendererFor(ValuesTemplate);

        var body = renderer.RenderForm("t", Values("true", "ja", "true", sent, "", "", "", "", "")).Content!.Value.GetProperty("body");

        Assert.Equal(kept, Value(body, "many"));
    }

    [Theory]
    [InlineData("alpha,beta")]
    [InlineData("delta")]
    [InlineData("Beta")]
    public void RenderForm_ASingleChoiceNotOffered_NoValue(string sent)
    {
        var renderer = RendererFor(ValuesTemplate);

        var body = renderer.RenderForm("t", Values("true", "ja", "true", "", sent, "", "", "", "")).Content!.Value.GetProperty("body");

        Assert.Null(Value(body, "one"));
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("10.12.2026")]
    [InlineData("2026-12-10T00:00")]
    [InlineData("2026-1-5")]
    [InlineData("tomorrow")]
    public void RenderForm_ADateNotYyyyMmDd_NoValue(string sent)
    {
        var renderer = RendererFor(ValuesTemplate);

        var body = renderer.RenderForm("t", Values("true", "ja", "true", "", "", sent, "", "", "")).Content!.Value.GetProperty("body");

        Assert.Null(Value(body, "date"));
    }

    [Theory]
    [InlineData("25:00", null)]
    [InlineData("9:00", null)]
    [InlineData("09:00 ", null)]
    [InlineData("9am", null)]
    [InlineData("09:00:00", "09:00")]
    [InlineData("09:00:30", null)]
    [InlineData("00:00", "00:00")]
    public void RenderForm_ATime_KeptOnlyAsHHmm(string sent, string? kept)
    {
        var renderer = RendererFor(ValuesTemplate);

        var body = renderer.RenderForm("t", Values("true", "ja", "true", "", "", "", sent, "", "")).Content!.Value.GetProperty("body");

        Assert.Equal(kept, Value(body, "time"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("1e3")]
    [InlineData("12 ")]
    public void RenderForm_ANumberNotANumberOrOutsideMinMax_NoValue(string sent)
    {
        var renderer = RendererFor(ValuesTemplate);

        var body = renderer.RenderForm("t", Values("true", "ja", "true", "", "", "", "", sent, sent)).Content!.Value.GetProperty("body");

        Assert.Null(Value(body, "count"));
        if (sent is "0" or "1001" or "-1")
        {
            // Without min and max, any number.
            Assert.Equal(sent, Value(body, "any"));
        }
        else
        {
            Assert.Null(Value(body, "any"));
        }
    }

    private const string BoundsTemplate = """
        { "type": "AdaptiveCard", "version": "1.5", "body": [
          { "type": "Input.Date", "id": "day", "min": "${minDate}", "max": "${maxDate}", "value": "${day}" },
          { "type": "Input.Time", "id": "at", "min": "08:00", "max": "18:00", "value": "${at}" },
          { "type": "Input.Number", "id": "count", "min": 1, "max": 10, "value": "${count}" } ] }
        """;

    private static JsonObject Bounds(string day, string at, string count) => new()
    {
        ["day"] = day, ["at"] = at, ["count"] = count, ["minDate"] = "2026-01-01", ["maxDate"] = "2026-12-31",
    };

    [Theory]
    [InlineData("2025-12-31", "07:59", "0")]
    [InlineData("2027-01-01", "18:01", "11")]
    [InlineData("2026-02-30", "09:00:30", "abc")]
    public void RenderForm_ADateTimeOrNumberOutsideItsInput_ShowsWhatTheCardShowedBefore(string day, string at, string count)
    {
        var renderer = RendererFor(BoundsTemplate);

        var body = renderer.RenderForm("t", Bounds(day, at, count), Bounds("2026-06-01", "10:00", "5")).Content!.Value.GetProperty("body");

        Assert.Equal(["2026-06-01", "10:00", "5"], new[] { "day", "at", "count" }.Select(id => Value(body, id)));
    }

    [Fact]
    public void RenderForm_ADateOrTimeOutsideItsMinMaxAndNoCardBefore_NoValue()
    {
        var renderer = RendererFor(BoundsTemplate);

        var body = renderer.RenderForm("t", Bounds("2027-01-01", "07:00", "5")).Content!.Value.GetProperty("body");

        Assert.Null(Value(body, "day"));
        Assert.Null(Value(body, "at"));
        Assert.Equal("5", Value(body, "count"));
    }

    [Fact]
    public void RenderForm_ABeforeValueTheInputCannotHoldEither_NoValue()
    {
        var renderer = RendererFor(BoundsTemplate);

        var body = renderer.RenderForm("t", Bounds("2027-01-01", "07:00", "0"), Bounds("2025-01-01", "19:00", "99")).Content!.Value.GetProperty("body");

        Assert.Equal([null, null, null], new[] { "day", "at", "count" }.Select(id => Value(body, id)));
    }

    [Fact]
    public void RenderForm_ValuesAtTheirMinAndMax_KeptAndClearedValuesStayEmpty()
    {
        var renderer = RendererFor(BoundsTemplate);
        var shown = Bounds("2026-06-01", "10:00", "5");

        var atEdges = renderer.RenderForm("t", Bounds("2026-01-01", "18:00:00", "10"), shown).Content!.Value.GetProperty("body");
        var cleared = renderer.RenderForm("t", Bounds("", "", ""), shown).Content!.Value.GetProperty("body");

        Assert.Equal(["2026-01-01", "18:00", "10"], new[] { "day", "at", "count" }.Select(id => Value(atEdges, id)));
        Assert.Equal([null, null, null], new[] { "day", "at", "count" }.Select(id => Value(cleared, id)));
    }

    [Fact]
    public void Render_ValuesNoInputCanHold_Untouched()
    {
        var renderer = RendererFor(ValuesTemplate);

        var body = renderer.Render("t", Values("yes", "yes", "yes", "delta", "delta", "tomorrow", "9am", "0", "abc")).Content!.Value.GetProperty("body");

        Assert.Equal(["yes", "yes", "yes", "delta", "delta", "tomorrow", "9am", "0", "abc"],
            new[] { "consent", "news", "plain", "many", "one", "date", "time", "count", "any" }.Select(id => Value(body, id)));
    }

    [Fact]
    public void RenderForm_ValuesWithinWhatTheInputsTake_Unchanged_AndRenderNeverCuts()
    {
        var renderer = RendererFor(FormTemplate);
        var data = new JsonObject { ["title"] = "0123456789", ["date"] = "2026-12-10", ["pick"] = "alpha,beta" };
        var stored = new JsonObject { ["title"] = "01234567890123", ["date"] = "2026-12-10", ["pick"] = "beta" };

        var form = renderer.RenderForm("t", data).Content!.Value.GetProperty("body");
        var shown = renderer.Render("t", stored).Content!.Value.GetProperty("body");

        Assert.Equal(["0123456789", "2026-12-10", "alpha,beta"], form.EnumerateArray().Select(i => i.GetProperty("value").GetString()));
        Assert.Equal("01234567890123", shown[0].GetProperty("value").GetString());
    }

    [Fact]
    public void RenderCard_CardOver28KB_ThrowsCardTooLarge()
    {
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        // 14,400 UTF-16 characters are 28,800 bytes by the §5.1 rule: over 28 KB (28,672).
        var data = new JsonObject { ["text"] = new string('x', 14_400) };

        var ex = Assert.Throws<CardTooLargeException>(() => renderer.RenderCard("t", data));

        Assert.Equal("t", ex.TemplateName);
        Assert.Equal(CardRenderer.MaxCardBytes, ex.Limit);
        Assert.True(ex.Size > CardRenderer.MaxCardBytes);
    }

    [Fact]
    public void RenderCard_CardJustUnderTheLimit_IsAccepted()
    {
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        var data = new JsonObject { ["text"] = new string('x', 14_000) };

        var card = renderer.RenderCard("t", data);

        Assert.True(card.ToJsonString().Length * 2 <= CardRenderer.MaxCardBytes);
    }

    [Theory]
    [InlineData('č')]   // Czech
    [InlineData('ş')]   // Turkish
    [InlineData('ã')]   // Portuguese
    public void RenderCard_AccentedTextJustUnderTheLimit_IsAcceptedAsItsUtf16Length(char letter)
    {
        // 14,000 letters are 28,000 bytes by the §5.1 rule (UTF-16): under 28 KB. Counted as \u escapes (six characters
        // each) they were 168,000 — a Czech exchange form with three full answers was refused.
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        var data = new JsonObject { ["text"] = new string(letter, 14_000) };

        var card = renderer.RenderCard("t", data);

        Assert.Equal(new string(letter, 14_000), card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderCard_AccentedTextOverTheLimit_ThrowsCardTooLarge()
    {
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        var data = new JsonObject { ["text"] = new string('ž', 14_400) };

        var ex = Assert.Throws<CardTooLargeException>(() => renderer.RenderCard("t", data));

        Assert.InRange(ex.Size, 28_800, 29_200);
    }

    [Fact]
    public void RenderCard_EmojiTextJustUnderTheLimit_IsAcceptedAsItsUtf16Length()
    {
        // 6,900 emoji are 13,800 UTF-16 units, 27,600 bytes by the §5.1 rule: under 28 KB. Counted as \uD83D\uDC4B
        // escapes (twelve characters each) they were 165,600.
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        var text = string.Concat(Enumerable.Repeat("👋", 6_900));

        var card = renderer.RenderCard("t", new JsonObject { ["text"] = text });

        Assert.Equal(text, card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderCard_EmojiTextOverTheLimit_ThrowsCardTooLarge()
    {
        var renderer = RendererFor("""{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "${text}" } ] }""");
        var data = new JsonObject { ["text"] = string.Concat(Enumerable.Repeat("🧵", 7_200)) };

        var ex = Assert.Throws<CardTooLargeException>(() => renderer.RenderCard("t", data));

        Assert.InRange(ex.Size, 28_800, 29_200);
    }
}
