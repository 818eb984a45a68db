using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>Start over, the language question, a Teams client changing language between turns, other people's @mentions.</summary>
public sealed class ConversationUnderstandingTests : IDisposable
{
    private readonly RecordingPartnersJourney partners = new();
    private readonly ConversationTestHost host;

    public ConversationUnderstandingTests()
    {
        host = new ConversationTestHost(configureServices: services => services.AddSingleton<IJourney>(partners));
    }

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("start over", "en")]
    [InlineData("empezar de nuevo", "es")]
    [InlineData("začít znovu", "cs")]
    [InlineData("ricominciamo", "it")]
    public async Task OnTurnAsync_StartOverWithNothingInProgress_AcknowledgesThenTheMenuWithoutApology(string typed, string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.Resolve(language, null);

        await host.Flow()
            .Send(typed)
            .AssertReply(texts.StartingOver)
            .AssertReply(ExpectCard(texts.WelcomeTitle))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task OnTurnAsync_StartOverWhileAQuestionWaits_AcknowledgesOnceThenTheMenu()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("language")
            .AssertReplyContains("Which language")
            .Send("start over")
            .AssertReply("OK, let's start over.")
            .AssertReply(ExpectCard(ConversationTexts.En.WelcomeTitle))
            .AssertNoReply()
            .StartTestAsync();
    }

    public static TheoryData<string, string> LanguageNames => new()
    {
        { "English", "en" }, { "ingles", "en" }, { "inglés", "en" }, { "inglese", "en" }, { "ingilizce", "en" }, { "angličtina", "en" }, { "anglictina", "en" },
        { "Portuguese", "pt" }, { "portugues", "pt" }, { "portugués", "pt" }, { "portoghese", "pt" }, { "Portekizce", "pt" }, { "portugalština", "pt" },
        { "Spanish", "es" }, { "espanhol", "es" }, { "espanol", "es" }, { "spagnolo", "es" }, { "İspanyolca", "es" }, { "spanelstina", "es" },
        { "Italian", "it" }, { "italiano", "it" }, { "Italyanca", "it" }, { "italština", "it" },
        { "Turkish", "tr" }, { "turco", "tr" }, { "turkce", "tr" }, { "Türkçe", "tr" }, { "turečtina", "tr" },
        { "Czech", "cs" }, { "checo", "cs" }, { "tcheco", "cs" }, { "ceco", "cs" }, { "Çekçe", "cs" }, { "čeština", "cs" }, { "cestina", "cs" },
    };

    [Theory]
    [MemberData(nameof(LanguageNames))]
    public async Task OnTurnAsync_LanguageNamedInAnyOfTheSixLanguages_IsThatLanguage(string typed, string expected)
    {
        await AnswerUpToTheLanguage()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(expected, null).ProfileSaved("Ana"))
            .StartTestAsync();

        Assert.Equal(expected, (await host.ReadProfileAsync())?.Language);
    }

    [Theory]
    [InlineData("not Italian")]
    [InlineData("não italiano")]
    [InlineData("İtalyanca değil")]
    [InlineData("is it done?")]
    public async Task OnTurnAsync_LanguageRefusedOrACodeInASentence_AskedAgainNothingSaved(string typed)
    {
        await AnswerUpToTheLanguage()
            .Send(typed)
            .AssertReplyContains(ConversationTexts.En.AskLanguageRetry)
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("English, not Italian", "en")]
    [InlineData("it", "it")]
    [InlineData("Italian please", "it")]
    public async Task OnTurnAsync_LanguageNamedBesideARefusedOne_IsTheNamedOne(string typed, string expected)
    {
        await AnswerUpToTheLanguage()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(expected, null).ProfileSaved("Ana"))
            .StartTestAsync();

        Assert.Equal(expected, (await host.ReadProfileAsync())?.Language);
    }

    [Fact]
    public async Task OnTurnAsync_RequestsTypedAtTheFirstLanguageQuestion_GivesUpAfterThreeKeepingTheClientLanguage()
    {
        host.Adapter.Locale = "tr-TR";
        var tr = ConversationTexts.Tr;

        await host.Flow()
            .Send("merhaba")
            .AssertReplyContains("Ana")
            .Send("evet")
            .AssertReply(tr.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(tr.AskLanguage)
            .Send("kaydımı iptal et")
            .AssertReplyContains(tr.AskLanguageRetry)
            .Send("Türkiye'de laboratuvar arıyorum")
            .AssertReplyContains(tr.AskLanguageRetry)
            .Send("kaydımı iptal et")
            .AssertReply(tr.LanguageKept)
            .AssertReply(tr.ProfileSaved("Ana"))
            .StartTestAsync();

        Assert.Equal("tr", (await host.ReadProfileAsync())?.Language);
    }

    [Fact]
    public async Task OnTurnAsync_RequestsTypedAtTheLanguageCommandsQuestion_GivesUpAfterThreeKeepingTheLanguage()
    {
        await host.SeedProfileAsync("tr");
        var tr = ConversationTexts.Tr;

        await host.Flow()
            .Send("dil")
            .AssertReplyContains(tr.AskLanguage)
            .Send("Türkiye'de laboratuvar arıyorum")
            .AssertReplyContains(tr.AskLanguageRetry)
            .Send("kaydımı iptal et")
            .AssertReplyContains(tr.AskLanguageRetry)
            .Send("Türkiye'de laboratuvar arıyorum")
            .AssertReply(tr.LanguageKept)
            .AssertNoReply()
            .Send("dil")
            .AssertReplyContains(tr.AskLanguage)
            .StartTestAsync();

        Assert.Equal("tr", (await host.ReadProfileAsync())?.Language);
    }

    [Fact]
    public async Task OnTurnAsync_ClientLanguageChangesBeforeAnAnswer_RetryTextAndButtonsInTheNewLanguage()
    {
        host.Adapter.Locale = "en-GB";
        var pt = ConversationTexts.Pt;

        await host.Flow()
            .Send("hi")
            .AssertReply(r =>
            {
                Assert.Equal("Nice to meet you! Shall I call you Ana?", r.Text);
                Assert.Equal(["Yes", "No"], ButtonTitles(r));
            }, "the name question in English")
            .Send(() => Message("hmm", "pt-PT"))
            .AssertReply(r =>
            {
                Assert.Equal(pt.ConfirmNameRetry("Ana"), r.Text);
                Assert.Equal(["Sim", "Não"], ButtonTitles(r));
            }, "asked again, all in Portuguese")
            .Send(() => Message("ajuda", "pt-PT"))
            .AssertReply(ExpectCard(pt.HelpTitle))
            .AssertReply(pt.EngineHelp)
            .AssertReply(r =>
            {
                Assert.Equal(pt.ConfirmName("Ana"), r.Text);
                Assert.Equal(["Sim", "Não"], ButtonTitles(r));
            }, "after help, the question in Portuguese")
            .Send(() => Message("sim", "pt-PT"))
            .AssertReply(pt.AskOrganisation)
            .Send(() => Message("", "en-GB"))
            .AssertReply(ConversationTexts.En.OrganisationRules)
            .StartTestAsync();
    }

    // The second: the mention entity's text is encoded as the message's is ("<at>Ana &amp; Co</at>"), and still left out.
    [Theory]
    [InlineData("busca socios para <at>Giulia</at> en Italia", "<at>Giulia</at>", "Giulia", "busca socios para en Italia")]
    [InlineData("find R&amp;D partners for <at>Ana &amp; Co</at> in Italy", "<at>Ana &amp; Co</at>", "Ana & Co", "find R&D partners for in Italy")]
    public async Task OnTurnAsync_OtherPeoplesMentionsInAChannel_LeftOutOfWhatIsUnderstood(string text, string mention, string name, string understood)
    {
        await host.SeedProfileAsync("es");
        host.Recognizer.Recognized[understood] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty with { Country = "IT" });
        var activity = Message(text, "es-ES");
        activity.Conversation = new ConversationAccount { Id = "19:channel@thread.tacv2", ConversationType = "channel", IsGroup = true };
        activity.Entities =
        [
            new Entity { Type = "mention", Text = mention, Mentioned = new ChannelAccount { Id = "29:someone", Name = name } },
        ];

        await host.Flow()
            .Send(activity)
            .AssertReplyContains("journey started")
            .StartTestAsync();

        Assert.Equal([understood], host.Recognizer.Texts);
        Assert.Equal(understood, Assert.Single(partners.Starts).Text);
    }

    /// <summary>
    /// Teams' text can carry characters as HTML entities: "R&amp;amp;D centres in Portugal" was understood (and searched)
    /// as "R&amp;amp;D", a quoted name kept its "&amp;quot;", a no-break space glued two words. Decoded before understanding.
    /// </summary>
    [Theory]
    [InlineData("find R&amp;D centres in Portugal", "find R&D centres in Portugal")]
    [InlineData("a &quot;smart textiles&quot; lab in Italy", "a \"smart textiles\" lab in Italy")]
    [InlineData("finishing&nbsp;labs in&nbsp;&nbsp;Italy", "finishing labs in Italy")]
    [InlineData("coating &lt;50 g/m² &amp; &#39;PFAS-free&#39;", "coating <50 g/m² & 'PFAS-free'")]
    public async Task OnTurnAsync_HtmlEntitiesInTheText_DecodedBeforeUnderstanding(string sent, string understood)
    {
        await host.SeedProfileAsync("en");
        host.Recognizer.Recognized[understood] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send(Message(sent, "en-US"))
            .AssertReplyContains("journey started")
            .StartTestAsync();

        Assert.Equal([understood], host.Recognizer.Texts);
        Assert.Equal(understood, Assert.Single(partners.Starts).Text);
    }

    [Theory]
    [InlineData("pt", "en-US", "pt-")]
    [InlineData("es", "pt-BR", "es-")]
    [InlineData("it", "it-CH", "it-CH")]
    public async Task OnTurnAsync_ProfileLanguageOnAClientOfAnother_UnderstoodInTheProfileLanguage(string profile, string client, string expected)
    {
        // "Porto" or "cancelar" says no language of its own: the recognizer keeps the one it is given — the profile's,
        // not the Teams client's (before: the client's, so a Portuguese user on an English client was read as English).
        await host.SeedProfileAsync(profile);
        host.Adapter.Locale = client;

        await host.Flow()
            .Send("Porto")
            .AssertReplyContains("")
            .StartTestAsync();

        Assert.StartsWith(expected, Assert.Single(host.Recognizer.Locales), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTurnAsync_NoProfileYetAndAMessageInAnotherLanguageThanTheClient_AskedInTheClientLanguage()
    {
        // The reply language is the profile's, else the Teams client's: a Spanish message on an English client is
        // answered in English (the language question then offers Spanish); what the message is written in never
        // chooses it.
        host.Adapter.Locale = "en-US";

        await host.Flow()
            .Send("quiero viajar a Italia en marzo durante dos semanas")
            .AssertReply(r => Assert.Equal("Nice to meet you! Shall I call you Ana?", r.Text), "the name question in English")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_RealRecognizerProfileLanguageOnAClientOfAnother_ShortSharedWordsReadInTheProfileLanguage()
    {
        var recognizer = new LocalIntentRecognizer(TimeProvider.System);
        var portuguese = ConversationTurn.PromptLocale("en-US", "pt");

        Assert.Equal("pt", recognizer.Recognize("de Porto", portuguese).Language);
        Assert.Equal("pt", recognizer.Recognize("cancelar", portuguese).Language);
        Assert.Equal("en", recognizer.Recognize("cancelar", "en-US").Language);
        Assert.Equal("es", recognizer.Recognize("quiero viajar a Italia en marzo durante dos semanas", portuguese).Language);
    }

    [Fact]
    public void ForDisplay_TurnsText_MentionsShownAsNames()
    {
        var activity = Message("busca socios para <at>Giulia</at> en Italia", "es-ES");
        activity.Entities = [new Entity { Type = "mention", Text = "<at>Giulia</at>", Mentioned = new ChannelAccount { Id = "29:giulia", Name = "Giulia" } }];

        Assert.Equal("busca socios para en Italia", MessageText.ForUnderstanding(activity));
        Assert.Equal("busca socios para Giulia en Italia", MessageText.ForDisplay(activity, "busca socios para en Italia"));
        Assert.Equal("an earlier request", MessageText.ForDisplay(activity, "an earlier request"));
    }

    private HiTechTex.Bot.Testing.Dialogs.TestFlow AnswerUpToTheLanguage() => host.Flow()
        .Send("hi")
        .AssertReplyContains("Shall I call you Ana?")
        .Send("yes")
        .AssertReply("Which organisation do you work for?")
        .Send("CITEVE")
        .AssertReplyContains("Which language");

    private static Activity Message(string text, string locale) => new() { Type = ActivityTypes.Message, Text = text, Locale = locale };

    private static List<string> ButtonTitles(Activity reply) =>
        [.. Assert.Single(reply.Attachments!).Content!.Value.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];

    private static Action<Activity> ExpectCard(string titleStart) => reply =>
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        Assert.StartsWith(titleStart, attachment.Content!.Value.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    };
}
