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
        Assert.Equal(new string('9', 32), card[1].GetProperty("value").GetString());
        Assert.Equal("alpha,beta" + new string('y', 22), card[2].GetProperty("value").GetString());
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
