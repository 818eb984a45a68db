using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A journey request typed at the first-use organisation question ("ispanyada partner arıyorum", "I need a dyeing partner
/// in Italy") is not saved as the organisation: the bot says it needs the organisation first, asks again, and runs the
/// request once the profile is saved. Organisation names with such words ("Partner Textiles Lda") are still names.
/// </summary>
public sealed class ProfileOrganisationRequestTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "I need a dyeing partner in Italy", Intent.FindPartners)]
    [InlineData("tr", "ispanyada partner arıyorum", Intent.FindPartners)]
    [InlineData("pt", "quero candidatar-me a um intercâmbio", Intent.ApplyForExchange)]
    [InlineData("es", "busco un socio en Italia", Intent.FindPartners)]
    [InlineData("it", "voglio candidarmi a uno scambio", Intent.ApplyForExchange)]
    [InlineData("cs", "hledám partnera v Itálii", Intent.FindPartners)]
    [InlineData("cs", "chci se přihlásit na výměnu", Intent.ApplyForExchange)]
    [InlineData("cs", "chtěl bych jet na výměnu do Itálie", Intent.ApplyForExchange)]
    [InlineData("cs", "přihláška na ClusterXchange", Intent.ApplyForExchange)]
    public async Task OrganisationQuestion_AJourneyRequest_NotSavedAsOrganisation_AskedAgain_RequestRunAfterTheProfile(
        string language, string request, Intent intent)
    {
        // Arrange
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(intent, 0.9, IntentEntities.Empty);

        // Act
        var flow = StartAsync(texts)
            .Send(request)
            .AssertReply(texts.OrganisationFirst)
            .AssertReply(texts.AskOrganisation);
        await OrganisationGivenThenTheRequestAnswered(flow, texts).StartTestAsync();

        // Assert: the organisation is the name typed after; the request reached the recognizer after the profile.
        var profile = Assert.IsType<UserProfile>(await host.ReadProfileAsync());
        Assert.Equal("CITEVE", profile.Organisation);
        Assert.Equal(request, host.Recognizer.Texts[^1]);
    }

    /// <summary>
    /// Requests typed at every try of the first-use organisation question use none of its tries (as a menu button
    /// clicked there uses none) — before, the third gave up with the organisation unset: the organisation typed after
    /// them is saved, and the latest request runs after the profile.
    /// </summary>
    [Theory]
    [InlineData("en", "I need a dyeing partner in Italy", "find partners in Italy")]
    [InlineData("tr", "ispanyada partner arıyorum", "İspanya'da ortak arıyorum")]
    [InlineData("pt", "quero candidatar-me a um intercâmbio", "procuro parceiros em Itália")]
    [InlineData("es", "busco un socio en Italia", "busco socios en Italia")]
    [InlineData("it", "voglio candidarmi a uno scambio", "cerco partner in Spagna")]
    [InlineData("cs", "hledám partnera v Itálii", "chci se přihlásit na výměnu")]
    public async Task OrganisationQuestion_RequestsAtEveryTry_UseNoTry_TheOrganisationThenSaved_TheLatestRequestRun(string language, string request, string latest)
    {
        // Arrange
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        host.Recognizer.Recognized[latest] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        var flow = StartAsync(texts);
        for (var i = 1; i < ProfileDialog.ProfileAttempts; i++)
        {
            flow = flow.Send(request).AssertReply(texts.OrganisationFirst).AssertReply(texts.AskOrganisation);
        }

        // Act
        flow = flow.Send(latest).AssertReply(texts.OrganisationFirst).AssertReply(texts.AskOrganisation);
        await OrganisationGivenThenTheRequestAnswered(flow, texts).StartTestAsync();

        // Assert
        var profile = Assert.IsType<UserProfile>(await host.ReadProfileAsync());
        Assert.Equal("CITEVE", profile.Organisation);
        Assert.Equal(latest, host.Recognizer.Texts[^1]);
        Assert.DoesNotContain(request, host.Recognizer.Texts);
    }

    /// <summary>
    /// Past <see cref="ProfileDialog.RequestsWithoutTry"/> a request uses one of the question's tries, so that it still
    /// ends: the organisation stays unset, and the request is still run.
    /// </summary>
    [Fact]
    public async Task OrganisationQuestion_OnlyJourneyRequests_PastThoseWithoutATry_GivesUpWithTheOrganisationUnset_TheRequestStillRun()
    {
        var texts = ConversationTexts.En;
        const string request = "I need a dyeing partner in Italy";
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        var flow = StartAsync(texts);
        for (var i = 1; i < ProfileDialog.RequestsWithoutTry + ProfileDialog.ProfileAttempts; i++)
        {
            flow = flow.Send(request).AssertReply(texts.OrganisationFirst).AssertReply(texts.AskOrganisation);
        }

        await flow
            .Send(request).AssertReply(texts.OrganisationFirst).AssertReply(texts.OrganisationUnset)
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .StartTestAsync();

        var profile = Assert.IsType<UserProfile>(await host.ReadProfileAsync());
        Assert.Equal("", profile.Organisation);
        Assert.Equal(request, host.Recognizer.Texts[^1]);
    }

    [Theory]
    [InlineData("Partner Textiles Lda")]
    [InlineData("Italian Dyeing Centre")]
    [InlineData("Coaching Solutions SL")]
    [InlineData("Exchange Partners Ltd")]
    [InlineData("Partner Search Europe")]
    [InlineData("Textile Exchange Lab")]
    [InlineData("Coaching Textil Lda")]
    public async Task OrganisationQuestion_ANameWithJourneyWords_SavedAsTheOrganisation(string name)
    {
        var texts = ConversationTexts.En;

        await StartAsync(texts)
            .Send(name)
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .StartTestAsync();

        Assert.Equal(name, Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
    }

    [Theory]
    [InlineData("ispanyada partner arıyorum")]
    [InlineData("I need a dyeing partner in Italy")]
    [InlineData("quero candidatar-me a um intercâmbio")]
    [InlineData("busco un socio en Italia")]
    [InlineData("cerco partner in Spagna")]
    [InlineData("hledám partnera v Itálii")]
    [InlineData("voglio candidarmi a uno scambio")]
    [InlineData("değişim programına başvurmak istiyorum")]
    [InlineData("I want to apply for an exchange")]
    [InlineData("find partners")]
    [InlineData("show my sessions")]
    public void IsJourneyRequest_ARequestWithJourneyWords_True(string typed) =>
        Assert.True(ProfileDialog.IsJourneyRequest(typed), typed);

    [Theory]
    [InlineData("Partner Textiles Lda")]
    [InlineData("Italian Dyeing Centre")]
    [InlineData("Coaching Solutions SL")]
    [InlineData("Exchange Partners Ltd")]
    [InlineData("Technical Textiles Portugal")]
    [InlineData("Textile Research Institute")]
    [InlineData("Centro Tessile Cotoniero")]
    [InlineData("Spanish Partners Network")]
    [InlineData("Dyeing Partners Italia SRL")]
    [InlineData("Textile Exchange")]
    [InlineData("Türk Tekstil Partnerleri A.Ş.")]
    [InlineData("Partnerská síť textilií s.r.o.")]
    [InlineData("Asociación de Socios Textiles")]
    [InlineData("Find Partners Ltd")]
    [InlineData("CITEVE")]
    [InlineData("Tecnotessile")]
    public void IsJourneyRequest_AnOrganisationName_False(string typed) =>
        Assert.False(ProfileDialog.IsJourneyRequest(typed), typed);

    [Fact]
    public void Texts_EveryLanguageSaysTheOrganisationComesFirst()
    {
        foreach (var texts in ConversationTexts.All)
        {
            Assert.NotEmpty(texts.OrganisationFirst);
            if (texts.Language != "en")
            {
                Assert.NotEqual(ConversationTexts.En.OrganisationFirst, texts.OrganisationFirst);
            }
        }
    }

    /// <summary>"CITEVE" at the organisation question, then the language: the profile is saved and the kept request answered.</summary>
    private static HiTechTex.Bot.Testing.Dialogs.TestFlow OrganisationGivenThenTheRequestAnswered(HiTechTex.Bot.Testing.Dialogs.TestFlow flow, ConversationTexts texts) =>
        flow
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer");

    /// <summary>"hello", yes to the Teams name, up to the organisation question.</summary>
    private HiTechTex.Bot.Testing.Dialogs.TestFlow StartAsync(ConversationTexts texts) =>
        host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(texts.Language switch { "pt" => "sim", "it" => "sì", "cs" => "ano", "tr" => "evet", "es" => "sí", _ => "yes" })
            .AssertReply(texts.AskOrganisation);
}
