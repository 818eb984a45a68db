using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Tests.Cards;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class ConversationCardsTests
{
    private readonly ConversationCards cards = new(new CardRenderer(new CardTemplateStore()));

    public static TheoryData<string> Languages() => new(ConversationTexts.All.Select(t => t.Language));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Welcome_EveryLanguage_IsAValidAdaptiveCardInThatLanguage(string language)
    {
        var texts = ConversationTexts.For(language);

        var attachment = cards.Welcome(texts);

        var card = AssertValidCard(attachment);
        Assert.Equal(texts.WelcomeTitle, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(3, card["body"]![2]!["facts"]!.AsArray().Count);
        Assert.Equal(texts.ApplyExchange, card["actions"]![1]!["title"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Help_EveryLanguage_IsAValidAdaptiveCardInThatLanguage(string language)
    {
        var texts = ConversationTexts.For(language);

        var card = AssertValidCard(cards.Help(texts));

        Assert.Equal(texts.HelpTitle, card["body"]![0]!["text"]!.GetValue<string>());
        var commands = card["body"]![2]!["items"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(7, commands.Count);
        Assert.StartsWith($"**{texts.MyApplicationsWord}**", commands[3], StringComparison.Ordinal);
        Assert.StartsWith($"**{texts.MySessionsWord}**", commands[4], StringComparison.Ordinal);
        Assert.StartsWith($"**{texts.ProfileWord}**", commands[^2], StringComparison.Ordinal);
        Assert.StartsWith($"**{texts.HelpWord}**", commands[^1], StringComparison.Ordinal);
        Assert.Equal("welcome", card["actions"]![0]!["data"]!["action"]!.GetValue<string>());
        Assert.Equal(texts.EditProfileButton, card["actions"]![1]!["title"]!.GetValue<string>());
        Assert.Equal("editProfile", card["actions"]![1]!["data"]!["action"]!.GetValue<string>());
        // The command shown is one the bot understands.
        Assert.Contains(texts.ProfileWord, texts.ProfileCommands);
    }

    [Theory]
    [InlineData("pt", "pt-BR", "pt")]
    [InlineData(null, "tr-TR", "tr")]
    [InlineData(null, "de-DE", "en")]
    [InlineData(null, null, "en")]
    [InlineData("cs", "en-US", "cs")]
    public void Resolve_ProfileThenLocaleThenEnglish(string? profileLanguage, string? locale, string expected)
    {
        Assert.Equal(expected, ConversationTexts.Resolve(profileLanguage, locale).Language);
    }

    private static JsonObject AssertValidCard(Attachment attachment)
    {
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        var card = JsonNode.Parse(attachment.Content!.Value.GetRawText())!.AsObject();
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Empty(CardRules.Check(card));
        Assert.DoesNotContain("${", card.ToJsonString(), StringComparison.Ordinal);
        return card;
    }
}
