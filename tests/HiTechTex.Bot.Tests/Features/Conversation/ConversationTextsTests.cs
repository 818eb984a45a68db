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

public sealed class DataDeletedChatKeptTextTests
{
    public static TheoryData<string> Languages() => new(ConversationTexts.All.Select(t => t.Language));

    [Theory]
    [InlineData("en", "a, b and c")]
    [InlineData("pt", "a, b e c")]
    [InlineData("es", "a, b y c")]
    [InlineData("it", "a, b e c")]
    [InlineData("tr", "a, b ve c")]
    [InlineData("cs", "a, b a c")]
    public void JoinList_ThreeItems_CommasThenTheLanguagesAnd(string language, string expected)
    {
        var texts = ConversationTexts.For(language);
        Assert.Equal(expected, texts.JoinList(["a", "b", "c"]));
        Assert.Equal(expected[3..], texts.JoinList(["b", "c"]));
        Assert.Equal("a", texts.JoinList(["a"]));
    }

    [Fact]
    public void Records_AreOneListBeforeTheCommandNotRunIntoIt()
    {
        var texts = ConversationTexts.En;
        var text = texts.DataDeletedChatKept([texts.KeptForExchanges, texts.KeptForSessions, texts.KeptForIntroductions], false, false);

        Assert.Contains(
            "only to tell you about your exchange applications in progress, your registrations for upcoming sessions and your introduction requests waiting for an answer; once nothing is left to tell you, type \"delete my data\" again",
            text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void ClusterManagerOnly_NamesOnlyThatRole_KeptWhileTheyHaveIt_NoTypeItAgain(string language)
    {
        var texts = ConversationTexts.For(language);
        var text = texts.DataDeletedChatKept([], clusterManager: true, coordinator: false);

        Assert.Equal($"{texts.DataDeletedKeptIntro} {texts.KeptForManagerRole} {texts.DataDeletedKeptOutro}", text);
        Assert.DoesNotContain(texts.DeleteDataCommands[0], text, StringComparison.OrdinalIgnoreCase);   // typing it again would not help
        Assert.DoesNotContain(texts.KeptForCoordinatorRole, text, StringComparison.Ordinal);
        Assert.StartsWith(texts.DataDeletedKeptIntro, texts.DataDeletedChatKeptFormat, StringComparison.Ordinal);
        Assert.EndsWith(texts.DataDeletedKeptOutro, texts.DataDeletedChatKeptFormat, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void CoordinatorWithRecords_TheRoleThenTheRecords(string language)
    {
        var texts = ConversationTexts.For(language);
        var text = texts.DataDeletedChatKept([texts.KeptForSessions, texts.KeptForExchanges], clusterManager: false, coordinator: true);

        Assert.Contains(texts.KeptForCoordinatorRole, text, StringComparison.Ordinal);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.KeptAlsoForFormat, texts.KeptForSessions + texts.ListAnd + texts.KeptForExchanges), text, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.KeptForManagerRole, text, StringComparison.Ordinal);
        Assert.Contains(texts.KeptForBothRoles, texts.DataDeletedChatKept([], true, true), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheCommandIsQuotedLikeInTheOtherMessages(string language)
    {
        var texts = ConversationTexts.For(language);
        Assert.Equal(Around(texts.NameKeptFormat, "{1}"), Around(texts.DataDeletedChatKeptFormat, "{1}"));

        static string Around(string format, string placeholder)
        {
            var at = format.IndexOf(placeholder, StringComparison.Ordinal);
            return $"{format[at - 1]}{format[at + placeholder.Length]}";
        }
    }
}
