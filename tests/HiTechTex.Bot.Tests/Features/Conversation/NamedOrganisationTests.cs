using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using static HiTechTex.Bot.Tests.Features.Partners.TestOrganisations;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// An organisation's name typed alone or asked about ("CITEVE", "who is NTT?", "quem é o CITEVE?", "¿quién es AITEX?",
/// "chi è Centrocot?", "CITEVE nedir?", "kdo je CLUTEX?") by someone with a profile: the partner search's details of
/// that organisation — it was "I didn't understand". The directory says what is a name; the first-use and "my profile"
/// organisation questions still take the name as their answer.
/// </summary>
public sealed class NamedOrganisationTests : IDisposable
{
    private const string AitexId = "es-aitex";
    private const string CentrocotId = "it-centrocot";
    private const string HiddenId = "pt-hidden";
    private const string CasaId = "pt-casa";
    private const string HomeId = "pt-home";

    private static readonly IReadOnlyList<Organisation> Directory =
    [
        .. PartnerSeedData.Create(new PartnersOptions()),
        Make(AitexId, "AITEX — Instituto Tecnológico Textil", "ES", "Valencia", "Alcoi", "es", "Centro tecnológico textil.", kind: OrganisationKind.Rto),
        Make(CentrocotId, "Centrocot — Centro Tessile Cotoniero e Abbigliamento", "IT", "Lombardy", "Busto Arsizio", "it", "Laboratorio di prove tessili.", kind: OrganisationKind.Rto),
        Make(HiddenId, "Tecelagem Oculta / TECOCULTA", "PT", "Norte", "Guimarães", "pt", "Tecelagem.", consent: false),
        Make(CasaId, "CASA — Centro de Acabamentos Têxteis", "PT", "Norte", "Braga", "pt", "Acabamentos têxteis.", kind: OrganisationKind.Rto),
        Make(HomeId, "HOME — Home Textiles Europe", "PT", "Norte", "Porto", "en", "Home textiles."),
    ];

    private readonly RecordingPartnersJourney journey = new(FindPartnersDialog.Actions);
    private readonly ConversationTestHost host;

    public NamedOrganisationTests()
    {
        host = new ConversationTestHost(configureServices: services =>
        {
            var directory = new Mock<IPartnerDirectory>();
            directory.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Directory);
            services.AddSingleton(directory.Object);
            services.Replace(ServiceDescriptor.Singleton<IOrganisationLookup, DirectoryOrganisationLookup>());
            services.AddSingleton<IJourney>(journey);
        });
    }

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("en", "AITEX", AitexId)]
    [InlineData("en", "who is NTT?", HiTechTexPartners.TecnotessileId)]
    [InlineData("en", "what is Centrocot?", CentrocotId)]
    [InlineData("pt", "quem é o CITEVE?", HiTechTexPartners.CiteveId)]
    [InlineData("es", "¿quién es AITEX?", AitexId)]
    [InlineData("it", "chi è Centrocot?", CentrocotId)]
    [InlineData("tr", "CITEVE nedir?", HiTechTexPartners.CiteveId)]
    [InlineData("cs", "kdo je CLUTEX?", HiTechTexPartners.ClutexId)]
    public async Task OnTurnAsync_AnOrganisationsNameWithAProfile_ThePartnerSearchShowsItsDetails(string language, string typed, string id)
    {
        // Arrange
        await host.SeedProfileAsync(language);

        // Act
        await host.Flow()
            .Send(typed)
            .AssertReply("journey started")
            .AssertNoReply()
            .StartTestAsync();

        // Assert
        var start = Assert.Single(journey.Starts);
        Assert.Equal(Intent.FindPartners, start.Intent);
        Assert.Equal(FindPartnersDialog.DetailAction, start.CardAction);
        Assert.Equal(id, start.CardData!.Value.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("en", "banana")]
    [InlineData("en", "who is Banana?")]
    [InlineData("pt", "Tecelagem")]          // a word of a name, not a name
    [InlineData("tr", "Denizli")]            // a city, and a word of "DCC TTC — Denizli Chamber of Commerce"
    [InlineData("pt", "TECOCULTA")]          // an organisation that did not agree to be listed
    public async Task OnTurnAsync_NoOrganisationsName_TheUsualNotUnderstood(string language, string typed)
    {
        // Arrange
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        // Act
        await host.Flow()
            .Send(typed)
            .AssertReply(texts.DidNotUnderstand)
            .StartTestAsync();

        // Assert
        Assert.Empty(journey.Starts);
    }

    [Fact]
    public async Task OnTurnAsync_AnOrganisationsNameAsTheFirstMessage_TheFirstUseQuestionsAreAskedNotTheDetails()
    {
        await host.Flow()
            .Send("CITEVE")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();

        Assert.Empty(journey.Starts);
    }

    /// <summary>
    /// The name alone, or where the user works said with a lead-in ("I'm now at AITEX", "I work at AITEX", "trabalho no
    /// CITEVE", "ora sono in NTT", "teď pracuji v CLUTEX"): the organisation matched in the directory, with its id.
    /// </summary>
    [Theory]
    [InlineData("en", "AITEX", AitexId)]
    [InlineData("pt", "CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("cs", "CLUTEX", HiTechTexPartners.ClutexId)]
    [InlineData("en", "I'm now at AITEX", AitexId)]
    [InlineData("en", "I work at AITEX", AitexId)]
    [InlineData("en", "I now work for AITEX", AitexId)]
    [InlineData("pt", "trabalho no CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("pt", "agora trabalho no CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("es", "ahora trabajo en AITEX", AitexId)]
    [InlineData("it", "ora sono in NTT", HiTechTexPartners.TecnotessileId)]
    [InlineData("it", "sono presso Centrocot", CentrocotId)]
    [InlineData("tr", "şimdi CLUTEX'teyim", HiTechTexPartners.ClutexId)]
    [InlineData("cs", "teď pracuji v CLUTEX", HiTechTexPartners.ClutexId)]
    [InlineData("pt", "estou na CASA", CasaId)]   // an ordinary word, but the directory's organisation
    // Typed alone, or with a capital in a sentence: taken at once ("estou em casa" is asked about, below).
    [InlineData("pt", "casa", CasaId)]
    [InlineData("es", "CASA", CasaId)]
    [InlineData("en", "home", HomeId)]
    [InlineData("it", "lavoro da CASA", CasaId)]
    [InlineData("en", "I work at Home", HomeId)]
    public async Task OrganisationQuestion_FirstUse_AnOrganisationsNameIsTheAnswerNotASearch(string language, string typed, string id)
    {
        // Arrange
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        // Act
        await LanguageAndSave(UpToTheOrganisationQuestion(texts).Send(typed), texts).StartTestAsync();

        // Assert
        Assert.Equal(id, (await host.ReadProfileAsync())?.OrganisationId);
        Assert.Empty(journey.Starts);
    }

    /// <summary>
    /// "kdo je CLUTEX?" at the first-use organisation question was saved as the organisation "kdo je CLUTEX?", without a
    /// directory entry. No one answers "which organisation do you work for?" with "who is …?": it is a question about
    /// that organisation — kept, like a journey request typed there, and answered with its details once the profile is
    /// saved; the organisation question is asked again. "what is this?" (a name no listed organisation has) was kept
    /// too and got "I didn't understand" once the profile was saved: it asks about the question — one sentence on why the
    /// organisation is asked, then the question again; nothing kept, the menu after the profile.
    /// </summary>
    [Theory]
    [InlineData("cs", "kdo je CLUTEX?", HiTechTexPartners.ClutexId)]
    [InlineData("en", "who is CLUTEX?", HiTechTexPartners.ClutexId)]
    [InlineData("pt", "quem é o CITEVE?", HiTechTexPartners.CiteveId)]
    [InlineData("es", "¿quién es AITEX?", AitexId)]
    [InlineData("it", "chi è Centrocot?", CentrocotId)]
    [InlineData("tr", "NTT kimdir?", HiTechTexPartners.TecnotessileId)]
    [InlineData("en", "what is this?", null)]
    [InlineData("en", "who is that?", null)]
    [InlineData("pt", "o que é isto?", null)]
    [InlineData("es", "¿qué es esto?", null)]
    [InlineData("it", "cos'è questo?", null)]
    [InlineData("tr", "bu nedir?", null)]
    [InlineData("cs", "co je to?", null)]       // "to" is also the initials of a listed organisation (Têxteis Oliveira)
    public async Task OrganisationQuestion_FirstUse_AQuestionAboutAnOrganisation_AnsweredOnceTheProfileIsSaved(string language, string typed, string? askedId)
    {
        // Arrange
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        // Act
        var saved = AskedAgainThenAitex(texts, typed, askedId is null ? texts.WhyOrganisationAsked : texts.OrganisationFirst);
        await (askedId is null ? saved.AssertReply(reply => Assert.Single(reply.Attachments!), "the menu, not \"I didn't understand\"") : saved.AssertReply("journey started"))
            .AssertNoReply()
            .StartTestAsync();

        // Assert: the organisation answered, and the details of the one asked about (none for a question about the question).
        Assert.Equal(AitexId, (await host.ReadProfileAsync())?.OrganisationId);
        Assert.Equal(askedId is null ? [] : [(FindPartnersDialog.DetailAction, askedId)], journey.Starts.Select(s => (s.CardAction, s.CardData?.GetProperty("id").GetString())));
    }

    /// <summary>
    /// "Is your organisation still CITEVE?" answered with where the user works now ("I'm now at AITEX", "ora sono in NTT")
    /// instead of a yes or no, or after a yes ("yes, now at AITEX", "sim, agora no CITEVE"): the new organisation, from the directory.
    /// </summary>
    [Theory]
    [InlineData("en", "I'm now at AITEX", AitexId)]
    [InlineData("it", "ora sono in NTT", HiTechTexPartners.TecnotessileId)]
    [InlineData("pt", "agora trabalho no CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("cs", "pracuji v CLUTEX", HiTechTexPartners.ClutexId)]
    [InlineData("pt", "estou na CASA", CasaId)]   // an ordinary word, but the directory's organisation
    // A yes that names a new organisation was read as a plain yes and kept the old one: now the new one, as without the yes.
    [InlineData("en", "yes, now at AITEX", AitexId)]
    [InlineData("en", "yes, I'm now at AITEX", AitexId)]
    [InlineData("it", "sì, ora sono in NTT", HiTechTexPartners.TecnotessileId)]
    [InlineData("pt", "sim, agora no CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("es", "sí, ahora en AITEX", AitexId)]
    [InlineData("tr", "evet, artık CLUTEX'teyim", HiTechTexPartners.ClutexId)]
    [InlineData("cs", "ano, teď v CLUTEX", HiTechTexPartners.ClutexId)]
    public async Task MyProfile_StillAtTheOrganisation_WhereTheUserWorksNow_TheNewOrganisation(string language, string typed, string id)
    {
        var texts = ConversationTexts.For(language);

        await LanguageAndSave((await UpToTheStillQuestionAsync(language)).Send(typed), texts).StartTestAsync();

        Assert.Equal(id, (await host.ReadProfileAsync())?.OrganisationId);
        Assert.Empty(journey.Starts);
    }

    /// <summary>
    /// "my profile", a no to "Is your organisation still …?", then "who is CLUTEX?" at the organisation question: it was
    /// refused ("That looks like a request…") and used one of the question's tries. The user has a profile, so it is
    /// another request while a question waits, like "find partners in Italy" there: "Leave what we started?" — a no keeps
    /// the question (no try used), a yes leaves the profile as saved and shows that organisation's details.
    /// </summary>
    [Theory]
    [InlineData("cs", "ano", "ne", "kdo je CLUTEX?", HiTechTexPartners.ClutexId)]
    [InlineData("en", "yes", "no", "who is CLUTEX?", HiTechTexPartners.ClutexId)]
    [InlineData("pt", "sim", "não", "quem é o CITEVE?", HiTechTexPartners.CiteveId)]
    [InlineData("es", "sí", "no", "¿quién es AITEX?", AitexId)]
    [InlineData("it", "sì", "no", "chi è Centrocot?", CentrocotId)]
    [InlineData("tr", "evet", "hayır", "NTT kimdir?", HiTechTexPartners.TecnotessileId)]
    public async Task MyProfile_AQuestionAboutAnOrganisationAtTheOrganisationQuestion_AsksToLeave_NoKeepsTheQuestion_YesShowsItsDetails(
        string language, string yes, string no, string typed, string askedId)
    {
        var texts = ConversationTexts.For(language);
        var flow = (await UpToTheStillQuestionAsync(language)).Send(no).AssertReply(texts.AskOrganisation);
        for (var i = 0; i < ProfileDialog.ProfileAttempts; i++)
        {
            flow = flow
                .Send(typed).AssertReply(texts.LeaveUnfinishedFor(typed)).AssertNoReply()
                .Send(no).AssertReply(texts.KeepUnfinished).AssertReply(texts.AskOrganisation).AssertNoReply();
        }

        await flow
            .Send(typed).AssertReply(texts.LeaveUnfinishedFor(typed)).AssertNoReply()
            .Send(yes).AssertReply("journey started").AssertNoReply()
            .StartTestAsync();

        Assert.Equal(("Lanifício Antigo", language), await host.ReadProfileAsync() is { } saved ? (saved.Organisation, saved.Language) : default);
        Assert.Equal([(FindPartnersDialog.DetailAction, askedId)], journey.Starts.Select(s => (s.CardAction, s.CardData?.GetProperty("id").GetString())));
    }

    /// <summary>
    /// "I'm with my colleague" at the first-use organisation question was saved as the organisation "my colleague": a
    /// lead-in before ordinary words and pronouns names none — said so, and the question asked again.
    /// </summary>
    [Theory]
    [InlineData("en", "I'm with my colleague")]
    [InlineData("pt", "estou no escritório")]   // not "em casa": this directory lists a CASA
    [InlineData("es", "estoy en la oficina")]
    [InlineData("it", "sono in ufficio")]
    [InlineData("cs", "jsem v práci")]
    public async Task OrganisationQuestion_FirstUse_LeadInBeforeOrdinaryWords_SaidSoAndAskedAgain(string language, string typed)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await AskedAgainThenAitex(texts, typed, texts.OrganisationNotNamed).StartTestAsync();

        Assert.Equal(("AITEX — Instituto Tecnológico Textil", AitexId), await host.ReadProfileAsync() is { } saved ? (saved.Organisation, saved.OrganisationId) : default);
    }

    /// <summary>
    /// "estou em casa" at the first-use organisation question, with a CASA listed, saved CASA without a word: a directory
    /// name there only as an ordinary word in lower case, in a sentence of other words, is asked about — "Do you mean the
    /// organisation “CASA”?" — a yes takes it with its directory entry, a no is an answer that names no organisation (the
    /// question again, as with no CASA listed).
    /// </summary>
    [Theory]
    [InlineData("en", "I'm at home", "HOME — Home Textiles Europe", "yes", HomeId)]
    [InlineData("en", "I work at home", "HOME — Home Textiles Europe", "no", null)]
    [InlineData("pt", "estou em casa", "CASA — Centro de Acabamentos Têxteis", "não", null)]
    [InlineData("pt", "trabalho em casa", "CASA — Centro de Acabamentos Têxteis", "sim", CasaId)]
    [InlineData("es", "estoy en casa", "CASA — Centro de Acabamentos Têxteis", "no", null)]
    [InlineData("es", "trabajo en casa", "CASA — Centro de Acabamentos Têxteis", "sí", CasaId)]
    [InlineData("it", "lavoro da casa", "CASA — Centro de Acabamentos Têxteis", "no", null)]
    [InlineData("it", "lavoro da casa", "CASA — Centro de Acabamentos Têxteis", "sì", CasaId)]
    public async Task OrganisationQuestion_FirstUse_ADirectoryNameOnlyAsAnOrdinaryWord_AskedAbout(string language, string typed, string meant, string answer, string? id)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        var asked = UpToTheOrganisationQuestion(texts).Send(typed).AssertReply(texts.ConfirmOrganisationMeant(meant)).Send(answer);
        await LanguageAndSave(
            id is null ? asked.AssertReply(texts.OrganisationNotNamed).AssertReply(texts.AskOrganisation).Send("AITEX") : asked, texts).StartTestAsync();

        Assert.Equal(id ?? AitexId, (await host.ReadProfileAsync())?.OrganisationId);
        Assert.Empty(journey.Starts);
    }

    /// <summary>
    /// "Is your organisation still Lanifício Antigo?" — "estou em casa" with a CASA listed took CASA: asked about too; a
    /// no asks the still-question again and the saved organisation stays; a yes takes the directory's one.
    /// </summary>
    [Theory]
    [InlineData("pt", "estou em casa", "CASA — Centro de Acabamentos Têxteis", "não", "sim", null)]
    [InlineData("es", "estoy en casa", "CASA — Centro de Acabamentos Têxteis", "sí", null, CasaId)]
    [InlineData("en", "I'm at home", "HOME — Home Textiles Europe", "no", "yes", null)]
    [InlineData("en", "yes, now at home", "HOME — Home Textiles Europe", "yes", null, HomeId)]
    public async Task MyProfile_StillAtTheOrganisation_ADirectoryNameOnlyAsAnOrdinaryWord_AskedAbout(
        string language, string typed, string meant, string answer, string? still, string? id)
    {
        var texts = ConversationTexts.For(language);

        var asked = (await UpToTheStillQuestionAsync(language))
            .Send(typed)
            .AssertReply(texts.ConfirmOrganisationMeant(meant))
            .Send(answer);
        await LanguageAndSave(still is null ? asked : asked.AssertReply(texts.ConfirmOrganisationKept("Lanifício Antigo")).Send(still), texts).StartTestAsync();

        var profile = await host.ReadProfileAsync();
        Assert.Equal((id is null ? "Lanifício Antigo" : Directory.Single(o => o.Id == id).Name, id), (profile?.Organisation, profile?.OrganisationId));
    }

    /// <summary>
    /// "Is your organisation still Lanifício Antigo?" — each no to "Do you mean the organisation …?" asked it again with
    /// fresh tries, so the two could go round for ever: after the second no the saved organisation is kept, said so, and
    /// the question ends.
    /// </summary>
    [Theory]
    [InlineData("en", "I'm at home", "HOME — Home Textiles Europe", "no")]
    [InlineData("pt", "estou em casa", "CASA — Centro de Acabamentos Têxteis", "não")]
    [InlineData("es", "estoy en casa", "CASA — Centro de Acabamentos Têxteis", "no")]
    [InlineData("it", "lavoro da casa", "CASA — Centro de Acabamentos Têxteis", "no")]
    [InlineData("tr", "I'm at home", "HOME — Home Textiles Europe", "hayır")]
    [InlineData("cs", "I'm at home", "HOME — Home Textiles Europe", "ne")]
    public async Task MyProfile_StillAtTheOrganisation_NoToTheOrganisationMeantTwice_TheSavedOneKept(string language, string typed, string meant, string no)
    {
        var texts = ConversationTexts.For(language);
        const string Saved = "Lanifício Antigo";

        await LanguageAndSave((await UpToTheStillQuestionAsync(language))
            .Send(typed).AssertReply(texts.ConfirmOrganisationMeant(meant))
            .Send(no).AssertReply(texts.ConfirmOrganisationKept(Saved))
            .Send(typed).AssertReply(texts.ConfirmOrganisationMeant(meant))
            .Send(no).AssertReply(texts.OrganisationKept(Saved)), texts).StartTestAsync();

        var profile = await host.ReadProfileAsync();
        Assert.Equal((Saved, (string?)null), (profile?.Organisation, profile?.OrganisationId));
    }

    [Fact]
    public async Task OrganisationQuestion_FirstUse_NoYesOrNoToTheOrganisationMeant_LeftUnsetAfterTheAttempts()
    {
        var texts = ConversationTexts.En;
        const string Home = "HOME — Home Textiles Europe";

        await LanguageAndSave(UpToTheOrganisationQuestion(texts)
            .Send("I'm at home").AssertReply(texts.ConfirmOrganisationMeant(Home))
            .Send("perhaps").AssertReplyContains(texts.ConfirmOrganisationMeantRetry(Home))
            .Send("maybe").AssertReplyContains(texts.ConfirmOrganisationMeantRetry(Home))
            .Send("hmm").AssertReply(texts.OrganisationUnset), texts).StartTestAsync();

        Assert.Equal(("", (string?)null), await host.ReadProfileAsync() is { } saved ? (saved.Organisation, saved.OrganisationId) : default);
    }

    [Fact]
    public void ConfirmOrganisationMeant_IsAYesOrNoQuestionNamingTheOrganisationInEveryLanguage()
    {
        Assert.All(ConversationTexts.All, t =>
        {
            Assert.Contains("CASA", t.ConfirmOrganisationMeant("CASA"), StringComparison.Ordinal);
            Assert.Contains("CASA", t.ConfirmOrganisationMeantRetry("CASA"), StringComparison.Ordinal);
            Assert.EndsWith("?", t.ConfirmOrganisationMeant("CASA"), StringComparison.Ordinal);
            Assert.NotEqual(t.ConfirmOrganisationMeant("CASA"), t.ConfirmOrganisationMeantRetry("CASA"));
        });
        Assert.Equal(ConversationTexts.All.Count, ConversationTexts.All.Select(t => t.ConfirmOrganisationMeantFormat).Distinct().Count());
    }

    [Fact]
    public async Task OrganisationQuestion_AskedAboutTheQuestionEachTime_GivesUpAfterTheAttempts()
    {
        var texts = ConversationTexts.En;

        await UpToTheOrganisationQuestion(texts)
            .Send("what is this?").AssertReply(texts.WhyOrganisationAsked).AssertReply(texts.AskOrganisation)
            .Send("who is that?").AssertReply(texts.WhyOrganisationAsked).AssertReply(texts.AskOrganisation)
            .Send("what is it?").AssertReply(texts.WhyOrganisationAsked).AssertReply(texts.OrganisationUnset)
            .AssertReply(texts.AskLanguage)
            .StartTestAsync();
    }

    [Fact]
    public void WhyOrganisationAsked_IsOneShortSentenceInEveryLanguage()
    {
        Assert.All(ConversationTexts.All, t =>
        {
            Assert.InRange(t.WhyOrganisationAsked.Length, 20, 140);
            Assert.Single(t.WhyOrganisationAsked.Split(". ", StringSplitOptions.None));
            Assert.EndsWith(".", t.WhyOrganisationAsked, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task MyProfile_TheNewOrganisationsNameIsTheAnswerNotASearch()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("my profile")
            .AssertReplyContains("Your profile:")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Is your organisation still CITEVE?")
            .Send("no")
            .AssertReply("Which organisation do you work for?")
            .Send("AITEX")
            .AssertReplyContains("Which language")
            .StartTestAsync();

        Assert.Empty(journey.Starts);
    }

    [Theory]
    [InlineData("who is NTT?", "NTT")]
    [InlineData("What's Centrocot", "centrocot")]
    [InlineData("quem é o CITEVE?", "citeve")]
    [InlineData("o que é a AITEX?", "aitex")]
    [InlineData("¿Quién es AITEX?", "aitex")]
    [InlineData("¿qué es el AITEX?", "aitex")]
    [InlineData("chi è Centrocot?", "centrocot")]
    [InlineData("cos'è l'AITEX?", "aitex")]
    [InlineData("CITEVE nedir?", "citeve")]
    [InlineData("NTT kimdir?", "ntt")]
    [InlineData("kdo je CLUTEX?", "clutex")]
    [InlineData("co je to CLUTEX?", "clutex")]
    [InlineData("Next Technology Tecnotessile", "next technology tecnotessile")]
    public void NameIn_AQuestionAboutAName_TheNameWithoutTheQuestionsWords(string typed, string name)
    {
        Assert.Equal(name, NamedOrganisation.NameIn(typed), ignoreCase: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I would like to know more about the textile organisations of northern Portugal please")]
    public void NameIn_NoNameOrASentence_Null(string typed)
    {
        Assert.Null(NamedOrganisation.NameIn(typed));
    }

    /// <summary>The first-use questions up to the organisation question (the Teams name taken), in <paramref name="texts"/>' language.</summary>
    /// <summary>"my profile" with "Lanifício Antigo" saved, in <paramref name="language"/>, up to "Is your organisation still Lanifício Antigo?".</summary>
    private Task<TestFlow> UpToTheStillQuestionAsync(string language) => host.UpToTheKeptOrganisationQuestionAsync(language, "Lanifício Antigo");

    private TestFlow UpToTheOrganisationQuestion(ConversationTexts texts) => host.Flow()
        .Send("hello")
        .AssertReplyContains("Ana")
        .Send(texts.Language switch { "pt" => "sim", "cs" => "ano", _ => "yes" })
        .AssertReply(texts.AskOrganisation);

    /// <summary>
    /// <paramref name="typed"/> at the first-use organisation question, answered with <paramref name="said"/> and the
    /// question again; then "AITEX", the language, and the profile saved.
    /// </summary>
    private TestFlow AskedAgainThenAitex(ConversationTexts texts, string typed, string said) => LanguageAndSave(
        UpToTheOrganisationQuestion(texts).Send(typed).AssertReply(said).AssertReply(texts.AskOrganisation).Send("AITEX"), texts);

    /// <summary>After the organisation's answer: the language question, answered, and the profile saved.</summary>
    private static TestFlow LanguageAndSave(TestFlow flow, ConversationTexts texts) => flow
        .AssertReplyContains(texts.AskLanguage)
        .Send(texts.LanguageName)
        .AssertReplyContains(texts.ProfileSaved("Ana")[..5]);
}
