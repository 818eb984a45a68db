using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// At the first-use organisation question, an organisation's name with request words ("Partner Search Europe",
/// "Procura de Parceiros Têxteis", legal forms such as "Lda", "S.L.", "S.p.A.", "A.Ş.", "s.r.o.", "GmbH") is saved as
/// the name; a real request ("find partners in Italy") runs after the profile; one that may be either ("Find Partners",
/// "Busco Socios") is asked about — "Is “…” the name of your organisation?" — in the six languages: yes saves it, no runs
/// it once the profile is saved.
/// </summary>
public sealed class ProfileOrganisationNameOrRequestTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("Partner Search Europe")]
    [InlineData("partner search europe s.l.")]
    [InlineData("Procura de Parceiros Têxteis")]
    [InlineData("Busca de Parceiros Europa")]
    [InlineData("Partner Search S.p.A.")]
    [InlineData("Find Partners GmbH")]
    [InlineData("Hledám Partnery s.r.o.")]
    [InlineData("Partner Arıyorum A.Ş.")]
    [InlineData("Busco Socios S.L.")]
    [InlineData("Cerco Partner S.r.l.")]
    [InlineData("Procuro Parceiros Lda")]
    [InlineData("Textile Exchange Lab")]
    [InlineData("Coaching Textil Lda")]
    public void Read_AnOrganisationsName_IsAName(string typed) =>
        Assert.Equal(OrganisationAnswerKind.Name, OrganisationAnswer.Read(typed));

    [Theory]
    [InlineData("find partners in Italy")]
    [InlineData("find partners")]
    [InlineData("procuro parceiros em Itália")]
    [InlineData("quero candidatar-me a um intercâmbio")]
    [InlineData("busco socios en Italia")]
    [InlineData("cerco partner in Italia")]
    [InlineData("İtalya'da partner arıyorum")]
    [InlineData("italyada partner arıyorum")]
    [InlineData("hledám partnera v Itálii")]
    [InlineData("přihláška na ClusterXchange")]
    [InlineData("Find partners in Italy")]
    [InlineData("sessions")]               // a menu command typed whole: one word, but no name
    [InlineData("sessões")]
    [InlineData("sesiones")]
    [InlineData("oturumlar")]
    [InlineData("my applications")]
    [InlineData("as minhas candidaturas")]
    public void Read_ARequest_IsARequest(string typed) =>
        Assert.Equal(OrganisationAnswerKind.Request, OrganisationAnswer.Read(typed));

    [Theory]
    [InlineData("Find Partners")]          // capitalised like a name, but an imperative first
    [InlineData("Procuro Parceiros")]
    [InlineData("Busco Socios")]
    [InlineData("Cerco Partner")]
    [InlineData("Partner Arıyorum")]
    [InlineData("Hledám Partnery")]
    [InlineData("Partner Search In Italy")] // capitalised, but a place
    [InlineData("partner search europe")]   // no verb, but not written as a name
    [InlineData("Sessions")]                // a menu command, written as a name
    public void Read_EitherANameOrARequest_IsUnsure(string typed) =>
        Assert.Equal(OrganisationAnswerKind.Unsure, OrganisationAnswer.Read(typed));

    /// <summary>
    /// A directory name read in an answer (after its lead-in) only as ordinary words in lower case, among other words, is
    /// asked about ("estou em casa" with a CASA listed); typed alone or written as a name it is the organisation.
    /// </summary>
    [Theory]
    [InlineData("I'm at home", "home", "HOME — Home Textiles Europe", true)]
    [InlineData("estou em casa", "casa", "CASA — Centro de Acabamentos Têxteis", true)]
    [InlineData("estoy en casa", "casa", "CASA", true)]
    [InlineData("lavoro da casa", "casa", "CASA", true)]
    [InlineData("evde çalışıyorum", "evde", "EVDE Tekstil", true)]
    [InlineData("jsem v kanceláři", "kanceláři", "KANCELÁŘI Textil", true)]
    [InlineData("a casa", "a casa", "CASA", true)]
    [InlineData("casa", "casa", "CASA — Centro de Acabamentos Têxteis", false)]      // typed alone
    [InlineData("Casa", "Casa", "CASA", false)]
    [InlineData("estou na CASA", "CASA", "CASA", false)]                            // in capitals
    [InlineData("I work at Home", "Home", "HOME — Home Textiles Europe", false)]
    [InlineData("home textiles europe", "home textiles europe", "HOME — Home Textiles Europe", false)]
    [InlineData("trabalho na tintex", "tintex", "Tintex Textiles", false)]          // no ordinary word
    public void IsOnlyAnOrdinaryWordThere_ADirectoryNameInAnAnswer(string typed, string name, string directoryName, bool asked) =>
        Assert.Equal(asked, OrganisationAnswer.IsOnlyAnOrdinaryWordThere(typed, name, directoryName));

    [Theory]
    [InlineData("en", "Partner Search Europe")]
    [InlineData("pt", "Procura de Parceiros Têxteis")]
    [InlineData("es", "Busco Socios S.L.")]
    [InlineData("it", "Cerco Partner S.p.A.")]
    [InlineData("tr", "Partner Arıyorum A.Ş.")]
    [InlineData("cs", "Hledám Partnery s.r.o.")]
    public async Task OrganisationQuestion_ANameWithRequestWords_SavedAsTheOrganisation_NoQuestion(string language, string name)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await StartAsync(texts)
            .Send(name)
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .StartTestAsync();

        Assert.Equal(name, Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
        Assert.DoesNotContain(name, host.Recognizer.Texts);   // never run as a request
    }

    [Theory]
    [InlineData("en", "Find Partners")]
    [InlineData("pt", "Procuro Parceiros")]
    [InlineData("es", "Busco Socios")]
    [InlineData("it", "Cerco Partner")]
    [InlineData("tr", "Partner Arıyorum")]
    [InlineData("cs", "Hledám Partnery")]
    public async Task OrganisationQuestion_EitherANameOrARequest_Asked_YesSavesTheName(string language, string name)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await StartAsync(texts)
            .Send(name)
            .AssertReply(reply => Assert.Contains(texts.ConfirmOrganisationName(name), reply.Text, StringComparison.Ordinal), "is it the name?")
            .Send(Yes(language))
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .StartTestAsync();

        Assert.Equal(name, Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
        Assert.DoesNotContain(name, host.Recognizer.Texts);
    }

    [Theory]
    [InlineData("en", "Find Partners", "no")]
    [InlineData("pt", "Procuro Parceiros", "não")]
    [InlineData("es", "Busco Socios", "no")]
    [InlineData("it", "Cerco Partner", "no")]
    [InlineData("tr", "Partner Arıyorum", "hayır")]
    [InlineData("cs", "Hledám Partnery", "ne")]
    public async Task OrganisationQuestion_EitherANameOrARequest_Asked_NoRunsItAfterTheProfile(string language, string request, string no)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await StartAsync(texts)
            .Send(request)
            .AssertReply(reply => Assert.Contains(texts.ConfirmOrganisationName(request), reply.Text, StringComparison.Ordinal), "is it the name?")
            .Send(no)
            .AssertReply(texts.OrganisationFirst)
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer")
            .StartTestAsync();

        Assert.Equal("CITEVE", Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
        Assert.Equal(request, host.Recognizer.Texts[^1]);
    }

    /// <summary>
    /// "sessions" typed at the first-use organisation question (the welcome card's word for the catalogue) was saved as
    /// the organisation's name: now it is a request — nothing saved, the name asked for, the request run after the profile.
    /// </summary>
    [Theory]
    [InlineData("en", "sessions")]
    [InlineData("pt", "sessões")]
    [InlineData("es", "sesiones")]
    [InlineData("it", "sessioni")]
    [InlineData("tr", "oturumlar")]
    [InlineData("cs", "setkání")]
    public async Task OrganisationQuestion_AMenuCommand_NotSaved_RunAfterTheProfile(string language, string command)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await StartAsync(texts)
            .Send(command)
            .AssertReply(texts.OrganisationFirst)
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer")
            .StartTestAsync();

        Assert.Equal("CITEVE", Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
    }

    /// <summary>
    /// "No, it's CITEVE" at "Is “Find Partners” the name of your organisation?": a no that gives the name — the name is
    /// taken (not asked for again) and what was asked about runs as a request once the profile is saved.
    /// </summary>
    [Theory]
    [InlineData("en", "Find Partners", "No, it's CITEVE")]
    [InlineData("en", "Find Partners", "no, I work for CITEVE")]
    [InlineData("pt", "Procuro Parceiros", "não, é a CITEVE")]
    [InlineData("es", "Busco Socios", "no, es CITEVE")]
    [InlineData("it", "Cerco Partner", "no, è CITEVE")]
    [InlineData("tr", "Partner Arıyorum", "hayır, CITEVE")]
    [InlineData("cs", "Hledám Partnery", "ne, je to CITEVE")]
    public async Task OrganisationQuestion_Asked_NoWithTheName_TakesTheName_RunsTheRequestAfterTheProfile(string language, string request, string answer)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await StartAsync(texts)
            .Send(request)
            .AssertReply(reply => Assert.Contains(texts.ConfirmOrganisationName(request), reply.Text, StringComparison.Ordinal), "is it the name?")
            .Send(answer)
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer")
            .StartTestAsync();

        Assert.Equal("CITEVE", Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
        Assert.Equal(request, host.Recognizer.Texts[^1]);
    }

    /// <summary>
    /// "No, it's Find Partners" at "Is “Find Partners” the name of your organisation?": the no names the request again —
    /// before, it was saved as the organisation's name and run as the request too; now it is a no: the organisation is
    /// asked for and the request run once, after the profile is saved.
    /// </summary>
    [Theory]
    [InlineData("en", "Find Partners", "No, it's Find Partners")]
    [InlineData("en", "Find Partners", "no, it's find partners")]
    [InlineData("pt", "Procuro Parceiros", "não, é Procuro Parceiros")]
    [InlineData("es", "Busco Socios", "no, es Busco Socios")]
    [InlineData("it", "Cerco Partner", "no, è Cerco Partner")]
    [InlineData("tr", "Partner Arıyorum", "hayır, Partner Arıyorum")]
    [InlineData("cs", "Hledám Partnery", "ne, je to Hledám Partnery")]
    public async Task OrganisationQuestion_Asked_NoNamingTheRequest_IsARequest_NotTheName(string language, string request, string answer)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await StartAsync(texts)
            .Send(request)
            .AssertReply(reply => Assert.Contains(texts.ConfirmOrganisationName(request), reply.Text, StringComparison.Ordinal), "is it the name?")
            .Send(answer)
            .AssertReply(texts.OrganisationFirst)
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .AssertReply(reply => Assert.False(string.IsNullOrEmpty(reply.Text) && reply.Attachments is null or { Count: 0 }), "the request's answer")
            .StartTestAsync();

        Assert.Equal("CITEVE", Assert.IsType<UserProfile>(await host.ReadProfileAsync()).Organisation);
        Assert.Single(host.Recognizer.Texts, t => string.Equals(t, request, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Another request or command named in the no ("no, it's sessions"): that one is kept, and nothing is saved as the name.</summary>
    [Theory]
    [InlineData("en", "no, it's Find Partners", "Find Partners")]
    [InlineData("pt", "não, é Procuro Parceiros", "Procuro Parceiros")]
    [InlineData("es", "no, es Busco Socios", "Busco Socios")]
    [InlineData("it", "no, è Cerco Partner", "Cerco Partner")]
    [InlineData("tr", "hayır, Partner Arıyorum", "Partner Arıyorum")]
    [InlineData("cs", "ne, je to Hledám Partnery", "Hledám Partnery")]
    public void NoNamingACommand_IsNoOrganisationName(string language, string answer, string command)
    {
        Assert.True(OrganisationAnswer.IsCommand(command), language);
        Assert.Equal(command, ProfileAnswers.OrganisationInConfirmAnswer(answer));
        Assert.False(OrganisationAnswer.IsCommand("CITEVE"));
        Assert.False(OrganisationAnswer.IsCommand("Partner Search Europe"));
        Assert.False(OrganisationAnswer.IsCommand("partner search europe"));   // no verb: may be a name written in lower case
        Assert.True(OrganisationAnswer.IsCommand("sessions"));
    }

    /// <summary>
    /// A no with more that is no name — a request, or a line the organisation question refuses — is a plain no: the name
    /// is asked for.
    /// </summary>
    [Theory]
    [InlineData("no, I need partners in Italy")]
    [InlineData("no, it's a request")]   // it was saved as the organisation "a request"
    [InlineData("no, it's not")]
    [InlineData("no thanks")]
    public async Task OrganisationQuestion_Asked_NoWithoutAName_AsksForTheName(string answer)
    {
        var texts = ConversationTexts.En;
        host.Recognizer.Recognized["Find Partners"] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await StartAsync(texts)
            .Send("Find Partners")
            .AssertReplyContains(texts.ConfirmOrganisationName("Find Partners"))
            .Send(answer)
            .AssertReply(texts.OrganisationFirst)
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();
    }

    [Fact]
    public async Task OrganisationQuestion_Asked_NeitherYesNorNo_AskedAgainThenLeftUnset()
    {
        var texts = ConversationTexts.En;

        await StartAsync(texts)
            .Send("Find Partners")
            .AssertReplyContains(texts.ConfirmOrganisationName("Find Partners"))
            .Send("perhaps")
            .AssertReplyContains(texts.ConfirmOrganisationNameRetry("Find Partners"))
            .Send("ne")   // no answer on an English client (Italian "ne", Czech "no")
            .AssertReplyContains(texts.ConfirmOrganisationNameRetry("Find Partners"))
            .Send("dunno")
            .AssertReply(texts.OrganisationUnset)
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();
    }

    [Fact]
    public void Texts_EveryLanguageAsksWhetherItIsTheName()
    {
        foreach (var texts in ConversationTexts.All)
        {
            Assert.Contains("Find Partners", texts.ConfirmOrganisationName("Find Partners"), StringComparison.Ordinal);
            Assert.Contains("Find Partners", texts.ConfirmOrganisationNameRetry("Find Partners"), StringComparison.Ordinal);
            if (texts.Language != "en")
            {
                Assert.NotEqual(ConversationTexts.En.ConfirmOrganisationName("X"), texts.ConfirmOrganisationName("X"));
            }
        }
    }

    private static string Yes(string language) => language switch { "pt" => "sim", "it" => "sì", "cs" => "ano", "tr" => "evet", "es" => "sí", _ => "yes" };

    /// <summary>"hello", yes to the Teams name, up to the organisation question.</summary>
    private HiTechTex.Bot.Testing.Dialogs.TestFlow StartAsync(ConversationTexts texts) =>
        host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(Yes(texts.Language))
            .AssertReply(texts.AskOrganisation);
}
