using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A request typed at the name question ("What name should I use?" — "find partners in Italy") is not taken as the
/// person's name: before, "Thanks, find partners in Italy! Your profile is saved." and that name went on every card.
/// </summary>
public sealed class ProfileNameIsNotARequestTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    /// <summary>
    /// First use: the request is not the name, and it is kept and run once the profile is saved, as at the organisation
    /// question (before, it was refused with "ask me again once your profile is saved" and lost).
    /// </summary>
    [Theory]
    [InlineData("en", "en-GB", "no", "find partners in Italy")]
    [InlineData("pt", "pt-PT", "não", "procuro parceiros em Itália")]
    [InlineData("es", "es-ES", "no", "busco socios en Italia")]
    [InlineData("it", "it-IT", "no", "cerco partner in Spagna")]
    [InlineData("tr", "tr-TR", "hayır", "İspanya'da ortak arıyorum")]
    [InlineData("cs", "cs-CZ", "ne", "hledám partnery v Itálii")]
    public async Task FirstUse_ARequestAtTheNameQuestion_IsKept_TheNameAskedAgain_TheRequestRunAfterTheProfile(string language, string locale, string no, string request)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        var flow = host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send(no)
            .AssertReply(texts.AskName)
            .Send(request)
            .AssertReply(texts.NameFirst)
            .AssertReply(texts.AskName)
            .AssertNoReply();
        await NameGivenThenTheRequestAnswered(flow, texts).StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
        Assert.Equal(request, host.Recognizer.Texts[^1]);
        Assert.Single(host.Recognizer.Texts, t => t == request);
    }

    /// <summary>
    /// First use: requests typed at the name question use none of its tries (as a menu button clicked there uses none) —
    /// before, the third was its last try and the name was left unset. Each says NameFirst and asks again; the name
    /// typed after them is taken, and the latest request runs once the profile is saved.
    /// </summary>
    [Theory]
    [InlineData("en", "en-GB", "no", "find partners in Italy", "I need a dyeing partner in Italy")]
    [InlineData("pt", "pt-PT", "não", "procuro parceiros em Itália", "quero candidatar-me a um intercâmbio")]
    [InlineData("es", "es-ES", "no", "busco socios en Italia", "busco un socio en Italia")]
    [InlineData("it", "it-IT", "no", "cerco partner in Spagna", "voglio candidarmi a uno scambio")]
    [InlineData("tr", "tr-TR", "hayır", "İspanya'da ortak arıyorum", "ispanyada partner arıyorum")]
    [InlineData("cs", "cs-CZ", "ne", "hledám partnery v Itálii", "chci se přihlásit na výměnu")]
    public async Task FirstUse_RequestsAtEveryTryOfTheNameQuestion_UseNoTry_TheNameThenTaken_TheLatestRequestRunAfterTheProfile(
        string language, string locale, string no, string request, string latest)
    {
        // Arrange
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        host.Recognizer.Recognized[latest] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        var flow = host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send(no)
            .AssertReply(texts.AskName);
        for (var i = 1; i < ProfileDialog.ProfileAttempts; i++)
        {
            flow = flow.Send(request).AssertReply(texts.NameFirst).AssertReply(texts.AskName);
        }

        // Act: the question's last try is a request too — asked again, not given up; then the name.
        flow = flow.Send(latest).AssertReply(texts.NameFirst).AssertReply(texts.AskName).AssertNoReply();
        await NameGivenThenTheRequestAnswered(flow, texts).StartTestAsync();

        // Assert: the name typed after the requests is saved; only the latest request ran, after the profile.
        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
        Assert.Equal(latest, host.Recognizer.Texts[^1]);
        Assert.DoesNotContain(request, host.Recognizer.Texts);
    }

    /// <summary>A name that looks like a request ("Find Partners") typed after requests is still taken as the name.</summary>
    [Fact]
    public async Task FirstUse_AfterRequests_ANameWithJourneyWords_IsTakenAsTheName()
    {
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("find partners in Italy").AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send("find a dyeing partner in Spain").AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send("Find Partners")
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();
    }

    /// <summary>
    /// Past <see cref="ProfileDialog.RequestsWithoutTry"/> a request uses one of the name question's tries, so that it
    /// still ends: the name stays unset (the Teams name was declined), and the last request runs after the profile.
    /// </summary>
    [Fact]
    public async Task FirstUse_RequestsPastThoseWithoutATry_UseTheTries_NameUnset_TheLastRequestRunAfterTheProfile()
    {
        var texts = ConversationTexts.En;
        host.Recognizer.Recognized["I want to apply for an exchange"] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        var flow = host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("no")
            .AssertReply(texts.AskName);
        for (var i = 1; i < ProfileDialog.RequestsWithoutTry + ProfileDialog.ProfileAttempts; i++)
        {
            flow = flow.Send(i % 2 == 0 ? "find partners in Italy" : "find a dyeing partner in Spain").AssertReply(texts.NameFirst).AssertReply(texts.AskName);
        }

        await flow
            .Send("I want to apply for an exchange").AssertReply(texts.NameFirst).AssertReply(texts.NameUnset)
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(_ => { }, "the language question")
            .Send("English")
            .AssertReply(_ => { }, "profile saved")
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer")
            .StartTestAsync();

        Assert.Equal("I want to apply for an exchange", host.Recognizer.Texts[^1]);
    }

    /// <summary>A request at the name question, another at the organisation question: the later one runs.</summary>
    [Fact]
    public async Task FirstUse_RequestsAtBothQuestions_TheOrganisationQuestionsRuns()
    {
        var texts = ConversationTexts.En;
        host.Recognizer.Recognized["I want to apply for an exchange"] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("find partners in Italy").AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .Send("I want to apply for an exchange").AssertReply(texts.OrganisationFirst).AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(_ => { }, "the language question")
            .Send("English")
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        Assert.Equal("I want to apply for an exchange", host.Recognizer.Texts[^1]);
        Assert.DoesNotContain("find partners in Italy", host.Recognizer.Texts);
    }

    /// <summary>
    /// "my profile": requests no journey answers (the recognizer places none) are refused by the name question, each one
    /// of its tries, and the saved name kept. (One a journey answers asks "Leave what we started?": <see cref="ProfileEditRequestTests"/>.)
    /// </summary>
    [Fact]
    public async Task MyProfile_ARequestNoJourneyAnswersAtTheNameQuestion_KeepsTheSavedNameAfterTheAttempts()
    {
        await host.SeedProfileAsync("en", name: "Ana Sousa");
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("find partners in Italy").AssertReply($"{texts.NameIsRequest} {texts.AskName}")
            .Send("I want to apply for an exchange").AssertReply($"{texts.NameIsRequest} {texts.AskName}")
            .Send("find a dyeing partner in Spain").AssertReply(texts.NameIsRequest).AssertReply(texts.NameKept("Ana Sousa"))
            .StartTestAsync();
    }

    /// <summary>
    /// "my profile", a no to "still CITEVE?", then a request at the organisation question: it was saved as the
    /// organisation ("İspanya'da partner arıyorum"); one no journey answers is refused like one at the name question, and
    /// asked again (one a journey answers asks "Leave what we started?": <see cref="ProfileEditRequestTests"/>).
    /// </summary>
    [Theory]
    [InlineData("en", "yes", "no", "find partners in Spain")]
    [InlineData("pt", "sim", "não", "procuro parceiros em Espanha")]
    [InlineData("es", "sí", "no", "busco socios en Italia")]
    [InlineData("it", "sì", "no", "cerco partner in Spagna")]
    [InlineData("tr", "evet", "hayır", "İspanya'da partner arıyorum")]
    [InlineData("cs", "ano", "ne", "hledám partnery v Itálii")]
    public async Task MyProfile_ARequestAtTheOrganisationQuestion_IsRefusedAndAskedAgain(string language, string yes, string no, string request)
    {
        await host.SeedProfileAsync(language, name: "Ana Sousa", organisation: "CITEVE", organisationId: "hitechtex-citeve");
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(texts.ProfileWord)
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send(yes)
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send(no)
            .AssertReply(texts.AskOrganisation)
            .Send(request)
            .AssertReply(texts.OrganisationIsRequest)
            .AssertReply(texts.AskOrganisation)
            .Send("Tintex")
            .AssertReply(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana Sousa", "Tintex", null, language), await host.ReadProfileAsync());
        Assert.Single(host.Recognizer.Texts, request);   // asked whether a journey answers it, when typed; never run after
    }

    [Theory]
    [InlineData("Ana Sousa")]
    [InlineData("Maria Partner")]
    [InlineData("Giulia Bianchi")]
    [InlineData("Ayşe Yılmaz")]
    [InlineData("Jan Novák")]
    public async Task AnOrdinaryName_IsTakenAsBefore(string name)
    {
        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("no")
            .AssertReply(ConversationTexts.En.AskName)
            .Send(name)
            .AssertReply(ConversationTexts.En.AskOrganisation)
            .StartTestAsync();
    }

    [Fact]
    public void TheRefusal_IsWrittenInEveryLanguage()
    {
        Assert.Equal(ConversationTexts.All.Count, ConversationTexts.All.Select(t => t.NameIsRequest).Where(t => t.Length > 0).Distinct().Count());
        Assert.Equal(ConversationTexts.All.Count, ConversationTexts.All.Select(t => t.NameFirst).Where(t => t.Length > 0).Distinct().Count());
        Assert.Equal(ConversationTexts.All.Count, ConversationTexts.All.Select(t => t.OrganisationIsRequest).Where(t => t.Length > 0).Distinct().Count());
    }

    /// <summary>"Ana Sousa" at the name question, then CITEVE and the language: the profile is saved and the kept request answered.</summary>
    private static HiTechTex.Bot.Testing.Dialogs.TestFlow NameGivenThenTheRequestAnswered(HiTechTex.Bot.Testing.Dialogs.TestFlow flow, ConversationTexts texts) =>
        flow
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(_ => { }, "the language question")
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer");
}
