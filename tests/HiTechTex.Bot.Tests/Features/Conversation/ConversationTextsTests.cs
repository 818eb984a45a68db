using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class ConversationTextsTests
{
    [Fact]
    public void All_SixLanguages_EveryTextFilledAndEveryFormatHasItsPlaceholder()
    {
        var properties = typeof(ConversationTexts).GetProperties().Where(p => p.PropertyType == typeof(string)).ToList();

        Assert.Equal(["en", "pt", "es", "it", "tr", "cs"], ConversationTexts.All.Select(t => t.Language));
        foreach (var texts in ConversationTexts.All)
        {
            foreach (var property in properties)
            {
                var value = (string?)property.GetValue(texts);
                Assert.False(string.IsNullOrWhiteSpace(value), $"{texts.Language}.{property.Name} is empty");
                if (property.Name.EndsWith("Format", StringComparison.Ordinal))
                {
                    Assert.Contains("{0}", value, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void All_OtherLanguages_AreTranslatedNotCopiedFromEnglish()
    {
        foreach (var texts in ConversationTexts.All.Where(t => t.Language != "en"))
        {
            Assert.NotEqual(ConversationTexts.En.WelcomeIntro, texts.WelcomeIntro);
            Assert.NotEqual(ConversationTexts.En.AskOrganisation, texts.AskOrganisation);
            Assert.NotEqual(ConversationTexts.En.Busy, texts.Busy);
        }
    }

    [Fact]
    public void FormIncomplete_Portuguese_ListsTheFields()
    {
        Assert.Equal("Preencha os campos obrigatórios: from, to.", ConversationTexts.Pt.FormIncomplete(["from", "to"]));
    }
}
