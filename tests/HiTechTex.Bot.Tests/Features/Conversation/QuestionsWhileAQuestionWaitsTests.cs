using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Tests.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A question about what the bot does with one's data, or about the rules, typed while a question waits. Before: it was
/// the answer — "what do you do with my data?" saved as the organisation of the new profile, "who can take part?" and
/// "how much is the lump sum?" likewise, and at a date question a try used ("that is no date"). Now the privacy answer
/// (or the rules), then the same question again, nothing of the waiting question changed (no try used).
/// </summary>
public sealed class QuestionsWhileAQuestionWaitsTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string, string, string> PrivacyAtTheOrganisation => new()
    {
        { "en", "yes", "what do you do with my data?" },
        { "pt", "sim", "o que fazem com os meus dados?" },
        { "es", "sí", "¿qué hacen con mis datos?" },
        { "it", "sì", "cosa fate con i miei dati?" },
        { "tr", "evet", "verilerimle ne yapıyorsunuz?" },
        { "tr", "evet", "verilerimle ne yapiyorsunuz" },
        { "cs", "ano", "co děláte s mými údaji?" },
        { "cs", "ano", "jaké údaje uchováváte?" },
    };

    [Theory]
    [MemberData(nameof(PrivacyAtTheOrganisation))]
    public async Task PrivacyQuestion_AtTheFirstUseOrganisationQuestion_AnsweredAndAskedAgain_NotSavedAsTheOrganisation(
        string language, string yes, string question)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        // Three times: were they answers, the organisation question would have given up.
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(yes)
            .AssertReply(texts.AskOrganisation)
            .Send(question).AssertReply(texts.PrivacyAnswer).AssertReply(texts.AskOrganisation)
            .Send(question).AssertReply(texts.PrivacyAnswer).AssertReply(texts.AskOrganisation)
            .Send(question).AssertReply(texts.PrivacyAnswer).AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana"))
            .StartTestAsync();

        Assert.Equal("CITEVE", (await host.ReadProfileAsync())?.Organisation);
    }

    public static TheoryData<string, string, string> RulesAtTheOrganisation => new()
    {
        { "en", "yes", "who can take part?" },
        { "en", "yes", "how much is the lump sum?" },
        { "pt", "sim", "quem pode participar?" },
        { "es", "sí", "¿quién puede participar?" },
        { "it", "sì", "qual è la somma forfettaria?" },
        { "tr", "evet", "kimler katılabilir?" },
        { "tr", "evet", "kimler katilabilir" },
        { "cs", "ano", "kolik je paušál?" },
    };

    [Theory]
    [MemberData(nameof(RulesAtTheOrganisation))]
    public async Task RulesQuestion_AtTheFirstUseOrganisationQuestion_TheRulesAndTheQuestionAgain(string language, string yes, string question)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(yes)
            .AssertReply(texts.AskOrganisation)
            .Send(question).AssertReply(texts.ExchangeRules).AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "who can take part?")]
    [InlineData("en", "how much is the lump sum?")]
    [InlineData("pt", "quem pode participar?")]
    [InlineData("it", "qual è la somma forfettaria?")]
    [InlineData("cs", "kolik je paušál?")]
    [InlineData("en", "how much money do I get?")]
    [InlineData("cs", "kolik penez dostanu")]
    [InlineData("tr", "ne kadar para alirim")]
    [InlineData("es", "¿cuánto dinero recibo?")]
    public async Task RulesQuestion_WithNothingWaiting_TheRules(string language, string question)
    {
        await host.SeedProfileAsync(language);
        host.Recognizer.Recognized[question] = new RecognizedIntent(Intent.ApplyForExchange, 0.8, IntentEntities.Empty);

        await host.Flow()
            .Send(question)
            .AssertReply(ConversationTexts.For(language).ExchangeRules)
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>
    /// The bot's rule for the reply's language (README, language detection): the profile's, even for a message clearly
    /// in another language — the rules answer keeps it like every other answer, and the stored language is not changed.
    /// </summary>
    [Theory]
    [InlineData("pt", "how many exchanges can I do?")]
    [InlineData("en", "quantos intercâmbios posso fazer?")]
    [InlineData("cs", "¿quién puede solicitar un intercambio?")]
    public async Task RulesQuestion_ClearlyInAnotherLanguage_AnsweredInTheProfilesLanguage_LanguageKept(string language, string question)
    {
        await host.SeedProfileAsync(language);

        await host.Flow()
            .Send(question)
            .AssertReply(ConversationTexts.For(language).ExchangeRules)
            .StartTestAsync();

        Assert.Equal(language, (await host.ReadProfileAsync())?.Language);
    }

    [Theory]
    [InlineData("what do you do with my data?")]
    [InlineData("o que fazem com os meus dados?")]
    [InlineData("¿qué hacen con mis datos?")]
    [InlineData("cosa fate con i miei dati?")]
    [InlineData("verilerimle ne yapıyorsunuz?")]
    [InlineData("co děláte s mými údaji?")]
    [InlineData("jaké údaje uchováváte?")]
    [InlineData("do you delete my data after the exchange?")]
    [InlineData("privacy?")]
    public void IsAskedOfBot_AQuestionToTheBotAboutOnesData(string typed)
    {
        Assert.True(PrivacyQuestion.IsAskedOfBot(typed));
    }

    [Theory]
    [InlineData("How to store personal data in labs?")]              // the objectives, not a question to the bot
    [InlineData("How labs store personal data")]
    [InlineData("CITEVE")]
    [InlineData("2027-03-01")]
    [InlineData("delete my data")]
    public void IsAskedOfBot_AnswersAboutDataInGeneral_NotAQuestionToTheBot(string typed)
    {
        Assert.False(PrivacyQuestion.IsAskedOfBot(typed) && !DeleteDataRequest.IsRequest(typed));
    }
}

/// <summary>The same at a step-by-step application's date question: no try used, the date still taken.</summary>
public sealed class PrivacyQuestionAtTheStartDateTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string, string> Questions => new()
    {
        { "en", "what do you do with my data?" },
        { "pt", "o que fazem com os meus dados?" },
        { "es", "¿qué hacen con mis datos?" },
        { "tr", "verilerimi saklıyor musunuz?" },
        { "cs", "co děláte s mými daty?" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task PrivacyQuestion_AtTheStartDate_AnsweredAndTheSameQuestionWithoutUsingATry(string language, string question)
    {
        var texts = ExchangeTexts.Resolve(language);
        var privacy = ConversationTexts.For(language).PrivacyAnswer;
        await host.Conversation.SeedProfileAsync(language);

        await host.Conversation.Flow()
            .Send(texts.StepByStepCommands[0])
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains(texts.HostOrganisation)
            .AssertReply(texts.AskStartDate)
            .Send(question).AssertReply(privacy).AssertReply(texts.AskStartDate)
            .Send(question).AssertReply(privacy).AssertReply(texts.AskStartDate)
            .Send(question).AssertReply(privacy).AssertReply(texts.AskStartDate)
            .Send("2027-03-01")
            .AssertReply(texts.AskEndDate)
            .StartTestAsync();
    }
}
