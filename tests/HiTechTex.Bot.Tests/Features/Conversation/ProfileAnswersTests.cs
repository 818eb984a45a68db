using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Natural answers to the first-use questions: "my name is Ana" was saved as the name "my name is Ana", "I work for
/// CITEVE" as the organisation (then not found in the directory); the lead-in is left out, per language, only at the start.
/// </summary>
public sealed class ProfileAnswersTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("my name is Ana", "Ana")]
    [InlineData("My name's Ana Sousa.", "Ana Sousa")]
    [InlineData("I'm Ana", "Ana")]
    [InlineData("call me Ana please", "Ana")]
    [InlineData("Chamo-me Ana Costa", "Ana Costa")]
    [InlineData("o meu nome é Ana", "Ana")]
    [InlineData("Me llamo Ana", "Ana")]
    [InlineData("mi nombre es José María Ñúñez-García", "José María Ñúñez-García")]
    [InlineData("Mi chiamo Anna", "Anna")]
    [InlineData("Benim adım Ayşe", "Ayşe")]
    [InlineData("benim adim Gülşen Öztürk", "Gülşen Öztürk")]
    [InlineData("Jmenuji se Jana", "Jana")]
    [InlineData("jmenuju se Jana Nováková", "Jana Nováková")]
    [InlineData("bana Ayşe de", "Ayşe")]                     // Turkish "call me": the verb after the name
    [InlineData("sou a Ana Sousa", "Ana Sousa")]              // the article before a first name
    [InlineData("eu sou o João", "João")]
    [InlineData("sono la Giulia", "Giulia")]
    [InlineData("sou a", "a")]
    [InlineData("Ana Sousa, obrigada", "Ana Sousa")]         // courtesy after a comma (it was kept in the name)
    [InlineData("Giulia, grazie!", "Giulia")]
    [InlineData("Jana, děkuji", "Jana")]
    [InlineData("Ayşe olsun", "Ayşe")]                       // Turkish "let it be Ayşe"
    [InlineData("Ayşe Yılmaz yeterli", "Ayşe Yılmaz")]
    [InlineData("pode ser só Ana", "Ana")]
    [InlineData("stačí jen Jana", "Jana")]
    [InlineData("Smith, Ana", "Smith, Ana")]
    [InlineData("Bana Ayşe Yılmaz diyebilirsiniz", "Ayşe Yılmaz")]
    [InlineData("bana Ayşe diye hitap edin lütfen", "Ayşe")]
    // No lead-in at the start: kept whole, as typed.
    [InlineData("Ana", "Ana")]
    [InlineData("Ben Smith", "Ben Smith")]
    [InlineData("Ben Ali", "Ben Ali")]                     // "Ben" may be a first name: only Turkish says it is "I am"
    [InlineData("Ben Ayşe", "Ayşe")]                       // a letter only Turkish writes
    [InlineData("ben Ayşe Yılmaz.", "Ayşe Yılmaz")]
    [InlineData("Ben Mehmet'im", "Mehmet")]                 // the Turkish "I am" after an apostrophe
    [InlineData("BEN GÜLŞEN", "GÜLŞEN")]
    [InlineData("Ana, my name is Ana", "Ana, my name is Ana")]
    [InlineData("Soyeon Park", "Soyeon Park")]
    [InlineData("my name is", "my name is")]
    public void Name_LeavesOutTheLeadIn(string typed, string name)
    {
        Assert.Equal(name, ProfileAnswers.Name(typed));
    }

    /// <summary>In a Turkish conversation "Ben" before a name is "I am", whatever letters the name has.</summary>
    [Theory]
    [InlineData("Ben Mehmet", true, "Mehmet")]
    [InlineData("Ben Ali Demir", true, "Ali Demir")]
    [InlineData("Ben Mehmet", false, "Ben Mehmet")]
    [InlineData("Ben", true, "Ben")]
    [InlineData("Benim adım Ayşe", true, "Ayşe")]
    public void Name_TurkishBen_IAmInATurkishConversation(string typed, bool turkish, string name)
    {
        Assert.Equal(name, ProfileAnswers.Name(typed, turkish));
    }

    [Theory]
    [InlineData("I work for CITEVE", "CITEVE")]
    [InlineData("I work at Lanificio Rossi S.p.A.", "Lanificio Rossi S.p.A.")]
    [InlineData("Trabalho na CITEVE", "CITEVE")]
    [InlineData("trabalho no CeNTI", "CeNTI")]
    [InlineData("Trabajo en AITEX", "AITEX")]
    [InlineData("Lavoro per Next Technology Tecnotessile", "Next Technology Tecnotessile")]
    [InlineData("lavoro presso Comocrea", "Comocrea")]
    [InlineData("CITEVE'de çalışıyorum", "CITEVE")]
    [InlineData("Bursa Tekstil için çalışıyorum", "Bursa Tekstil")]
    [InlineData("Pracuji v INOTEX", "INOTEX")]
    [InlineData("pracuju pro CLUTEX", "CLUTEX")]
    [InlineData("I work for the company Tintex", "Tintex")]   // "the company", "la empresa", … before the name
    [InlineData("trabalho na empresa Tintex", "Tintex")]
    [InlineData("Trabajo en la empresa AITEX", "AITEX")]
    [InlineData("lavoro presso l'azienda Tecnotessile", "Tecnotessile")]
    [InlineData("lavoro per la società Lanificio Rossi S.p.A.", "Lanificio Rossi S.p.A.")]
    [InlineData("CLUTEX şirketinde çalışıyorum", "CLUTEX")]
    [InlineData("pracuji ve společnosti INOTEX", "INOTEX")]
    [InlineData("pracuji pro firmu INOTEX", "INOTEX")]
    [InlineData("estou na CITEVE", "CITEVE")]                 // "I'm at …"
    [InlineData("estoy en AITEX", "AITEX")]
    [InlineData("jsem v INOTEX", "INOTEX")]
    [InlineData("CLUTEX'teyim", "CLUTEX")]
    [InlineData("Bursa Tekstil’dayım", "Bursa Tekstil")]
    [InlineData("Empresa Textil del Norte", "Empresa Textil del Norte")]   // a name that starts with the noun stays whole
    [InlineData("I'm now at AITEX", "AITEX")]                  // "now" in the lead-in
    [InlineData("I'm working for AITEX", "AITEX")]
    [InlineData("trabalho agora no CITEVE", "CITEVE")]
    [InlineData("ora sono in NTT", "NTT")]
    [InlineData("sono presso Centrocot", "Centrocot")]
    [InlineData("teď pracuji v CLUTEX", "CLUTEX")]
    [InlineData("şimdi CLUTEX'teyim", "CLUTEX")]
    [InlineData("Now Textiles Ltd", "Now Textiles Ltd")]       // a name that starts with "now" stays whole
    [InlineData("Agora Têxteis", "Agora Têxteis")]
    [InlineData("trabajo en la empresa", "la empresa")]
    [InlineData("trabajo en la empresa de mi padre", "la empresa de mi padre")]
    // No lead-in: kept whole.
    [InlineData("CITEVE", "CITEVE")]
    [InlineData("Working Textiles Ltd", "Working Textiles Ltd")]
    [InlineData("Trabalho Têxtil, Lda", "Trabalho Têxtil, Lda")]
    public void Organisation_LeavesOutTheLeadIn(string typed, string organisation)
    {
        Assert.Equal(organisation, ProfileAnswers.Organisation(typed));
    }

    [Theory]
    [InlineData("No, call me Ana please", "Ana")]
    [InlineData("no call me Ana", "Ana")]
    [InlineData("call me Ana", "Ana")]
    [InlineData("Não, chama-me Ana Costa", "Ana Costa")]
    [InlineData("No, llámame Ana", "Ana")]
    [InlineData("no, chiamami Anna", "Anna")]
    [InlineData("Hayır, benim adım Ayşe", "Ayşe")]
    [InlineData("Ne, říkej mi Jana", "Jana")]
    [InlineData("hayır, bana Ayşe de", "Ayşe")]
    [InlineData("hayır, ben Ayşe", "Ayşe")]
    [InlineData("No, Ben Smith", null)]
    [InlineData("não, pode ser só Ana", "Ana")]
    [InlineData("no", null)]
    [InlineData("no thanks", null)]
    [InlineData("yes", null)]
    [InlineData("pode ser, obrigada", null)]    // a yes-like answer, no name in it
    [InlineData("basta così", null)]
    [InlineData("stačí, díky", null)]
    public void NameInConfirmAnswer_TheNameAfterNo(string typed, string? name)
    {
        Assert.Equal(name, ProfileAnswers.NameInConfirmAnswer(typed));
    }

    [Theory]
    [InlineData("my name is Ana Sousa", "Ana Sousa")]
    [InlineData("Chamo-me Ana Costa", "Ana Costa")]
    [InlineData("Jmenuji se Jana", "Jana")]
    [InlineData("sou a Ana Sousa", "Ana Sousa")]   // it was saved as "a Ana Sousa" ("Tudo certo, a Ana Sousa!")
    [InlineData("Ana Sousa, obrigada", "Ana Sousa")]
    [InlineData("Ayşe olsun", "Ayşe")]
    [InlineData("my name is Anne-Marie O&#39;Brien", "Anne-Marie O'Brien")]   // Teams sends the apostrophe as an entity
    public async Task TheNameQuestion_SavesTheNameWithoutTheLeadIn(string typed, string name)
    {
        await UpToTheNameQuestion()
            .Send(typed)
            .AssertReply("Which organisation do you work for?")
            .Send("I work for CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply($"Thanks, {name}! Your profile is saved.")
            .StartTestAsync();

        Assert.Equal(new UserProfile(name, "CITEVE", null, "en"), await host.ReadProfileAsync());
    }

    /// <summary>
    /// Teams sends "R&amp;D Lab" as "R&amp;amp;D Lab": it was saved so, and later shown double-escaped ("R&amp;amp;amp;D").
    /// Saved as typed, and asked back as typed.
    /// </summary>
    [Fact]
    public async Task TheOrganisationQuestion_HtmlEntities_SavedAndShownAsTyped()
    {
        var texts = ConversationTexts.For("en");

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply(texts.AskOrganisation)
            .Send("R&amp;D Lab")
            .AssertReplyContains(texts.AskLanguage)
            .Send("English")
            .AssertReply(texts.ProfileSaved("Ana"))
            .Send("my profile")
            .AssertReply(_ => { }, "the profile card")
            .AssertReply(r => Assert.StartsWith("Your profile: Ana · R&D Lab · English.", r.Text, StringComparison.Ordinal))
            .AssertReply(texts.ConfirmNameAgain("Ana"))
            .Send("yes")
            .AssertReply(r => Assert.Equal("Is your organisation still R&D Lab?", r.Text))
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "R&D Lab", null, "en"), await host.ReadProfileAsync());
    }

    /// <summary>A name typed with HTML ("&amp;lt;b&amp;gt;" decoded to "&lt;b&gt;") is refused as formatting, never saved nor shown bold.</summary>
    [Fact]
    public async Task TheNameQuestion_DecodedMarkup_RefusedNotSaved()
    {
        await UpToTheNameQuestion()
            .Send("&lt;b&gt;Eve&lt;/b&gt;")
            .AssertReply(r => Assert.DoesNotContain("<b>", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    /// <summary>The first-use questions up to "What name should I use?" (the Teams name declined).</summary>
    private TestFlow UpToTheNameQuestion() => host.Flow()
        .Send("hello")
        .AssertReplyContains("Shall I call you Ana?")
        .Send("no")
        .AssertReply("What name should I use?");

    /// <summary>
    /// Turkish "call me Ayşe" puts the verb after the name ("hayır, bana Ayşe de"): before, no name was read and the name
    /// was asked for; "CLUTEX şirketinde çalışıyorum" ("I work at the company CLUTEX") saved "CLUTEX şirketinde".
    /// </summary>
    [Fact]
    public async Task Turkish_NoCallMeAyse_AndTheCompanyNoun_AreRead()
    {
        host.Adapter.Locale = "tr-TR";
        var texts = ConversationTexts.For("tr");

        var named = host.Flow()
            .Send("merhaba")
            .AssertReplyContains("Ana")
            .Send("hayır, bana Ayşe de");
        await TurkishOrganisationAndLanguage(named, texts, "Ayşe").StartTestAsync();

        Assert.Equal(new UserProfile("Ayşe", "CLUTEX", null, "tr"), await host.ReadProfileAsync());
    }

    /// <summary>
    /// "Ben Ayşe" ("I am Ayşe") at the Turkish name question was saved as the name "Ben Ayşe"; "Ben" is left out in a
    /// Turkish conversation — unless the user's own Teams name starts with it (then it is their first name).
    /// </summary>
    [Theory]
    [InlineData("Ben Ayşe", "Ana Sousa", "Ayşe")]
    [InlineData("Ben Mehmet", "Ana Sousa", "Mehmet")]
    [InlineData("Ben Carter", "Ben Carter", "Ben Carter")]
    public async Task Turkish_BenBeforeTheName_IsIAm(string typed, string teamsName, string name)
    {
        host.Adapter.Locale = "tr-TR";
        host.Adapter.User.Name = teamsName;
        var texts = ConversationTexts.For("tr");

        var named = host.Flow()
            .Send("merhaba")
            .AssertReplyContains(teamsName)
            .Send("hayır")
            .AssertReply(texts.AskName)
            .Send(typed);
        await TurkishOrganisationAndLanguage(named, texts, name).StartTestAsync();

        Assert.Equal(name, (await host.ReadProfileAsync())?.Name);
    }

    /// <summary>"Hayır, ben Ayşe" at "shall I call you Ana?": a no with the name in it.</summary>
    [Fact]
    public async Task Turkish_NoIAmAyse_TheNameTaken()
    {
        host.Adapter.Locale = "tr-TR";
        var texts = ConversationTexts.For("tr");

        await host.Flow()
            .Send("merhaba")
            .AssertReplyContains("Ana")
            .Send("hayır, ben Ayşe")
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();
    }

    /// <summary>
    /// "I don't know", "prefiero no decirlo", "nevím" at the organisation question were saved as the organisation's name:
    /// now the organisation is left unset (said, as when the question gives up) and the profile goes on.
    /// </summary>
    [Theory]
    [InlineData("en", "yes", "I don't know")]
    [InlineData("en", "yes", "I'd rather not say.")]
    [InlineData("pt", "sim", "não sei")]
    [InlineData("es", "sí", "prefiero no decirlo")]
    [InlineData("it", "sì", "non lo so")]
    [InlineData("tr", "evet", "bilmiyorum")]
    [InlineData("cs", "ano", "nevím")]
    public async Task OrganisationQuestion_NoOrganisationGiven_LeftUnset(string language, string yes, string typed)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(yes)
            .AssertReply(texts.AskOrganisation)
            .Send(typed)
            .AssertReply(texts.OrganisationUnset)
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .StartTestAsync();

        Assert.Equal("", (await host.ReadProfileAsync())?.Organisation);
    }

    /// <summary>"my profile", a no to "still CITEVE?", then "não sei": the saved organisation is kept, with its id.</summary>
    [Fact]
    public async Task MyProfile_NoOrganisationGiven_KeepsTheSavedOne()
    {
        await host.SeedProfileAsync("pt", name: "Ana", organisation: "CITEVE", organisationId: "hitechtex-citeve");
        var texts = ConversationTexts.For("pt");

        await host.Flow()
            .Send(texts.ProfileWord)
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana"))
            .Send("sim")
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send("não")
            .AssertReply(texts.AskOrganisation)
            .Send("não sei")
            .AssertReply(texts.OrganisationKept("CITEVE"))
            .AssertReply(texts.AskLanguage)
            .Send("português")
            .AssertReply(texts.ProfileSaved("Ana"))
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", "hitechtex-citeve", "pt"), await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("CITEVE")]
    [InlineData("Nessuno Tessile")]
    [InlineData("no sé qué poner, AITEX")]
    public void GivesNoOrganisation_ANameOrMore_IsNot(string typed) => Assert.False(ProfileAnswers.GivesNoOrganisation(typed));

    /// <summary>"Trabajo en la empresa AITEX", "pracuji ve společnosti INOTEX": the organisation without "la empresa" (it was saved with it).</summary>
    [Theory]
    [InlineData("pt", "sim", "trabalho na empresa Tintex", "Tintex")]
    [InlineData("es", "sí", "Trabajo en la empresa AITEX", "AITEX")]
    [InlineData("it", "sì", "lavoro presso l'azienda Comocrea", "Comocrea")]
    [InlineData("cs", "ano", "pracuji ve společnosti INOTEX", "INOTEX")]
    public async Task OrganisationAfterTheCompanyNoun_IsSavedWithoutIt(string language, string yes, string typed, string organisation)
    {
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(yes)
            .AssertReply(texts.AskOrganisation)
            .Send(typed)
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana")[..5])
            .StartTestAsync();

        Assert.Equal(organisation, (await host.ReadProfileAsync())?.Organisation);
    }

    [Theory]
    [InlineData("No, call me Ana please")]
    [InlineData("call me Ana")]
    public async Task NoCallMe_AtShallICallYou_TakesTheNameAndGoesOn(string answer)
    {
        host.Adapter.User = new() { Id = "29:user-1", Name = "Ana Sofia Sousa", AadObjectId = "00000000-0000-0000-0000-000000000001" };

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana Sofia Sousa?")
            .Send(answer)
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .StartTestAsync();

        Assert.Equal("Ana", (await host.ReadProfileAsync())?.Name);
    }

    [Fact]
    public async Task ALeadInBeforeAFormula_IsRefusedLikeTheFormula()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("my name is =SUM(A1)")
            .AssertReply($"{ConversationTexts.En.NameStartsWithSymbol} {ConversationTexts.En.NameRules}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("No, it's CITEVE", "CITEVE")]
    [InlineData("no, now it's AITEX", "AITEX")]                 // "now" before the name or its lead-in
    [InlineData("não, agora é a CITEVE", "CITEVE")]
    [InlineData("no, ahora trabajo en AITEX", "AITEX")]
    [InlineData("no, ora lavoro per Comocrea", "Comocrea")]
    [InlineData("hayır, artık CLUTEX", "CLUTEX")]
    [InlineData("ne, teď pracuji v INOTEX", "INOTEX")]
    [InlineData("no, Agora Têxteis", "Agora Têxteis")]           // a name that starts with the word stays whole
    [InlineData("no, it's a request", null)]                     // what was asked about is a request: a plain no
    [InlineData("não, é um pedido", null)]
    [InlineData("no, es una solicitud", null)]
    [InlineData("no, è una richiesta", null)]
    [InlineData("hayır, bu bir istek", null)]
    [InlineData("ne, to je požadavek", null)]
    [InlineData("no, it's Request Textiles Ltd", "Request Textiles Ltd")]
    [InlineData("no it is CITEVE.", "CITEVE")]
    [InlineData("No, CITEVE", "CITEVE")]
    [InlineData("no, I work for Tecnotessile S.p.A.", "Tecnotessile S.p.A.")]
    [InlineData("não, é a CITEVE", "CITEVE")]
    [InlineData("Não, chama-se Têxteis do Norte", "Têxteis do Norte")]
    [InlineData("no, es AITEX", "AITEX")]
    [InlineData("No, se llama ATEVAL", "ATEVAL")]
    [InlineData("no, è NTT", "NTT")]
    [InlineData("No, si chiama Tecnotessile", "Tecnotessile")]
    [InlineData("hayır, DCC TTC", "DCC TTC")]
    [InlineData("Hayır, adı Denizli Ticaret Odası", "Denizli Ticaret Odası")]
    [InlineData("hayır, CITEVE'de çalışıyorum", "CITEVE")]
    [InlineData("ne, je to CLUTEX", "CLUTEX")]
    [InlineData("Ne, jmenuje se CLUTEX", "CLUTEX")]
    [InlineData("no", null)]
    [InlineData("No.", null)]
    [InlineData("no thanks", null)]
    [InlineData("no, thanks", null)]
    [InlineData("no, it's not", null)]
    [InlineData("No, it isn't", null)]
    [InlineData("no idea", null)]
    [InlineData("não, obrigado", null)]
    [InlineData("no, grazie", null)]
    [InlineData("hayır, değil", null)]
    [InlineData("ne, díky", null)]
    [InlineData("yes, it's CITEVE", null)]
    [InlineData("CITEVE", null)]
    public void OrganisationInConfirmAnswer_TheNameAfterNo(string typed, string? name)
    {
        Assert.Equal(name, ProfileAnswers.OrganisationInConfirmAnswer(typed));
    }

    /// <summary>The Turkish questions after the name: the organisation CLUTEX, Turkish, and the profile saved as <paramref name="name"/>.</summary>
    private static HiTechTex.Bot.Testing.Dialogs.TestFlow TurkishOrganisationAndLanguage(HiTechTex.Bot.Testing.Dialogs.TestFlow flow, ConversationTexts texts, string name) => flow
        .AssertReply(texts.AskOrganisation)
        .Send("CLUTEX şirketinde çalışıyorum")
        .AssertReplyContains(texts.AskLanguage)
        .Send("Türkçe")
        .AssertReply(texts.ProfileSaved(name));
}
