using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// "my profile" with an organisation saved: "Is your organisation still CITEVE?" — a yes keeps it with its directory
/// entry (before, the organisation was asked for at once and "yes", "evet" or "same" became the organisation's name).
/// </summary>
public sealed class ProfileOrganisationKeptTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "yes")]
    [InlineData("pt", "sim")]
    [InlineData("es", "sí")]
    [InlineData("it", "sì")]
    [InlineData("tr", "evet")]
    [InlineData("cs", "ano")]
    public async Task MyProfile_YesToTheOrganisation_KeepsTheSavedOrganisationAndItsDirectoryEntry(string language, string yes)
    {
        await host.SeedProfileAsync(language, name: "Ana Sousa", organisation: "Portuguese Textile Cluster / CITEVE", organisationId: "hitechtex-citeve");
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(texts.ProfileWord)
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send(yes)
            .AssertReply(texts.ConfirmOrganisationKept("Portuguese Textile Cluster / CITEVE"))
            .Send(yes)
            .AssertReply(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana Sousa", "Portuguese Textile Cluster / CITEVE", "hitechtex-citeve", language), await host.ReadProfileAsync());
    }

    /// <summary>
    /// "A sua organização continua a ser CITEVE?" — "continua", "ainda é": a yes that echoes the question (it was asked
    /// again); "same", "o mesmo", "lo mismo", "lo stesso", "aynı", "stejně" too (they asked for a yes or no again).
    /// </summary>
    [Theory]
    [InlineData("en", "yes", "still")]
    [InlineData("pt", "sim", "continua")]
    [InlineData("pt", "sim", "ainda é")]
    [InlineData("es", "sí", "sigue siendo")]
    [InlineData("it", "sì", "è ancora")]
    [InlineData("tr", "evet", "hâlâ öyle")]
    [InlineData("cs", "ano", "pořád je")]
    [InlineData("en", "yes", "same")]
    [InlineData("en", "yes", "The same.")]
    [InlineData("pt", "sim", "o mesmo")]
    [InlineData("pt", "sim", "a mesma")]
    [InlineData("es", "sí", "lo mismo")]
    [InlineData("it", "sì", "lo stesso")]
    [InlineData("tr", "evet", "aynı")]
    [InlineData("cs", "ano", "stejně")]
    public async Task MyProfile_AnEchoOfTheQuestion_KeepsTheSavedOrganisation(string language, string yes, string echo)
    {
        await host.SeedProfileAsync(language, name: "Ana Sousa", organisation: "CITEVE", organisationId: "hitechtex-citeve");
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(texts.ProfileWord)
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send(yes)
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send(echo)
            .AssertReply(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana Sousa", "CITEVE", "hitechtex-citeve", language), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task MyProfile_NoToTheOrganisation_AsksForTheNewOne()
    {
        await host.SeedProfileAsync("en", organisation: "CITEVE", organisationId: "hitechtex-citeve");

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Is your organisation still CITEVE?")
            .Send("no")
            .AssertReply("Which organisation do you work for?")
            .Send("Tintex")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "Tintex", null, "en"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task MyProfile_NoYesOrNoToTheOrganisation_KeepsTheSavedOneAfterTheAttempts()
    {
        await host.SeedProfileAsync("en", organisation: "CITEVE", organisationId: "hitechtex-citeve");
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply("Shall I call you Ana?")
            .Send("yes")
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send("perhaps").AssertReplyContains(texts.ConfirmOrganisationKeptRetry("CITEVE"))
            .Send("maybe").AssertReplyContains(texts.ConfirmOrganisationKeptRetry("CITEVE"))
            .Send("hmm").AssertReply(texts.OrganisationKept("CITEVE"))
            .AssertReply(texts.AskLanguage)
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", "hitechtex-citeve", "en"), await host.ReadProfileAsync());
    }

    /// <summary>
    /// "I'm with my colleague" at "Is your organisation still CITEVE?" could save "my colleague": a lead-in before ordinary
    /// words and pronouns (who the user is with, where they are, that they are busy) names no organisation — the yes or
    /// no is asked again, politely, and the saved organisation stays, directory entry and all. So does a place there ("I'm
    /// from Portugal", "sono in Toscana": where the user is, not for whom they work).
    /// </summary>
    [Theory]
    [InlineData("en", "I'm from Portugal")]
    [InlineData("en", "I'm in the Czech Republic")]
    [InlineData("it", "sono in Toscana")]
    [InlineData("es", "soy de España")]
    [InlineData("cs", "jsem z Itálie")]
    [InlineData("en", "I'm with my colleague")]
    [InlineData("en", "I'm with a friend")]
    [InlineData("en", "I'm at home")]
    [InlineData("en", "I am at work")]
    [InlineData("en", "I'm in the office")]
    [InlineData("pt", "estou em casa")]
    [InlineData("pt", "estou com a minha colega")]
    [InlineData("es", "estoy en la oficina")]
    [InlineData("es", "estoy en casa")]
    [InlineData("it", "sono in ufficio")]
    [InlineData("it", "sono al lavoro")]
    [InlineData("tr", "şimdi evdeyim")]
    [InlineData("cs", "jsem v práci")]
    [InlineData("cs", "jsem doma")]
    public async Task MyProfile_StillAtTheOrganisation_LeadInBeforeOrdinaryWordsOrAPlace_AskedAgainAndKept(string language, string typed)
    {
        var texts = ConversationTexts.For(language);

        var answered = (await UpToTheKeptQuestionAsync(language))
            .Send(typed).AssertReplyContains(texts.ConfirmOrganisationKeptRetry("CITEVE"))
            .Send(texts.Language switch { "pt" => "sim", "es" => "sí", "it" => "sì", "tr" => "evet", "cs" => "ano", _ => "yes" });
        await LanguageAndSave(answered, texts).StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", "hitechtex-citeve", language), await host.ReadProfileAsync());
    }

    /// <summary>
    /// A lead-in before a name that is more than ordinary words is still the new organisation (no directory here: kept as
    /// typed); a yes that goes on with nothing new — courtesy, the saved organisation itself, "now" before ordinary words —
    /// is a plain yes: the saved organisation and its directory entry stay.
    /// </summary>
    [Theory]
    [InlineData("en", "I'm with Tintex Textiles", "Tintex Textiles", null)]
    [InlineData("pt", "estou na Lanifício do Minho", "Lanifício do Minho", null)]
    [InlineData("it", "sono in Filatura Rossi", "Filatura Rossi", null)]
    [InlineData("en", "yes please", "CITEVE", "hitechtex-citeve")]
    [InlineData("en", "yes, I work at CITEVE", "CITEVE", "hitechtex-citeve")]
    [InlineData("en", "yes, now at home", "CITEVE", "hitechtex-citeve")]
    [InlineData("pt", "sim, obrigada", "CITEVE", "hitechtex-citeve")]
    [InlineData("it", "sì, ora sono in ufficio", "CITEVE", "hitechtex-citeve")]
    public async Task MyProfile_StillAtTheOrganisation_ANameOrNothingNew(string language, string typed, string organisation, string? id)
    {
        var texts = ConversationTexts.For(language);

        await LanguageAndSave((await UpToTheKeptQuestionAsync(language)).Send(typed), texts).StartTestAsync();

        Assert.Equal(new UserProfile("Ana", organisation, id, language), await host.ReadProfileAsync());
    }

    /// <summary>"my profile" with CITEVE saved, in <paramref name="language"/>, up to "Is your organisation still CITEVE?".</summary>
    private Task<TestFlow> UpToTheKeptQuestionAsync(string language) =>
        host.UpToTheKeptOrganisationQuestionAsync(language, "CITEVE", "hitechtex-citeve");

    /// <summary>After the organisation's answer: the language question, answered, and the profile saved.</summary>
    private static TestFlow LanguageAndSave(TestFlow flow, ConversationTexts texts) => flow
        .AssertReply(texts.AskLanguage)
        .Send(texts.LanguageName)
        .AssertReply(texts.ProfileSaved("Ana"));

    [Fact]
    public async Task FirstUse_IsAskedForTheOrganisationAsBefore()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();
    }

    [Fact]
    public void TheQuestion_IsWrittenInEveryLanguage()
    {
        Assert.All(ConversationTexts.All, t =>
        {
            Assert.Contains("CITEVE", t.ConfirmOrganisationKept("CITEVE"), StringComparison.Ordinal);
            Assert.Contains("CITEVE", t.ConfirmOrganisationKeptRetry("CITEVE"), StringComparison.Ordinal);
            Assert.NotEqual(t.ConfirmOrganisationKept("CITEVE"), t.ConfirmOrganisationKeptRetry("CITEVE"));
        });
        Assert.Equal(ConversationTexts.All.Count, ConversationTexts.All.Select(t => t.ConfirmOrganisationKeptFormat).Distinct().Count());
    }
}
