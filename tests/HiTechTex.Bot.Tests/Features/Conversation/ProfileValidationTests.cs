using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>The name and organisation typed for the profile are one line of reasonable length: they go on cards others read.</summary>
public sealed class ProfileValidationTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string> BadNames() =>
    [
        new string('A', ProfileDialog.MaxNameLength + 1), "Ana\nSousa", "!!!", "  ...  ",
        "[Verify your account](https://phish.example/login)", "Ana https://phish.example", "Ana (see WWW.phish.example)",
        "[Ana](mailto:x@phish.example)",
        NameRuleTests.Repro, "Ana\u2028Sousa", "Ana \u202Easuos", "Ana\u200BSousa", "**Status: Approved**", "<b>Ana</b>", "# Ana", "`Ana`",
    ];

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ABadName_IsAskedAgainWithTheRuleAndNothingIsKept(string name)
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send(name)
            .AssertReply(ConversationTexts.En.NameRules)
            .Send("Ana Sousa")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "en", false)]
    [InlineData("@everyone", "pt", false)]
    [InlineData("+351 912 345 678", "it", false)]
    [InlineData("evil.com", "en", true)]
    [InlineData("phish.example", "cs", true)]
    [InlineData("Ana evil.com", "tr", true)]
    [InlineData("Ana evil.com/login", "en", true)]
    [InlineData("bit.ly/x", "es", true)]
    [InlineData("t.co/abc", "pt", true)]
    public async Task ANameLikeAFormulaMentionOrWebAddress_IsAskedAgainWithTheReasonInTheUsersLanguage(string name, string language, bool webAddress)
    {
        var texts = ConversationTexts.For(language);
        host.Adapter.Locale = language;
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send("no")
            .AssertReply(texts.AskName)
            .Send(name)
            .AssertReply($"{(webAddress ? texts.NameIsWebAddress : texts.NameStartsWithSymbol)} {texts.NameRules}")
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("cs")]
    public async Task AnEmailAddressAsTheName_IsAskedAgainWithItsOwnReason(string language)
    {
        var texts = ConversationTexts.For(language);
        host.Adapter.Locale = language;
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("ana@evil.com")
            .AssertReply($"{texts.NameIsEmailAddress} {texts.NameRules}")
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("@Ana Sousa")]
    [InlineData("=Ana")]
    [InlineData("ana.sousa.com")]
    [InlineData("Ana evil.com/login")]
    [InlineData("ana@evil.com")]
    public async Task ATeamsDisplayNameLikeAMentionFormulaOrWebAddress_IsNotOfferedButAskedFor(string teamsName)
    {
        host.Adapter.User = new() { Id = "29:user-1", Name = teamsName, AadObjectId = "00000000-0000-0000-0000-000000000001" };

        await host.Flow()
            .Send("hello")
            .AssertReply(reply => Assert.DoesNotContain(teamsName, reply.Text, StringComparison.Ordinal), "the name question, without the Teams name")
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ATeamsDisplayNameBreakingTheRules_IsNotOfferedButAskedFor(string teamsName)
    {
        // The Teams display name is the user's to choose too: a yes to it would keep a link or a paragraph as the name
        // shown on other people's cards.
        host.Adapter.User = new() { Id = "29:user-1", Name = teamsName, AadObjectId = "00000000-0000-0000-0000-000000000001" };

        await host.Flow()
            .Send("hello")
            .AssertReply(reply =>
            {
                Assert.Contains("What name should I use?", reply.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(teamsName.Trim(), reply.Text, StringComparison.Ordinal);
            }, "the name question, without the Teams name")
            .Send("Ana Sousa")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReplyContains("Your profile is saved.")
            .StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
    }

    [Theory]
    [InlineData("José María Ñúñez-García")]
    [InlineData("Anne-Marie O'Brien")]
    [InlineData("Şükrü Çağlar")]
    [InlineData("Jiří Dvořák")]
    [InlineData("Gülşen Öztürk (CITEVE)")]
    [InlineData("Dr. J. Smith")]
    [InlineData("Алексей Смирнов")]
    [InlineData("山田 太郎")]
    [InlineData("می\u200Cخواهم")]
    public async Task ARealName_TypedForTheProfile_IsKeptAsTyped(string name)
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send(name)
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReplyContains("Your profile is saved.")
            .StartTestAsync();

        Assert.Equal(name, (await host.ReadProfileAsync())?.Name);
    }

    [Theory]
    [InlineData("en", "Please give a name of up to 100 characters, on one line, without links, formatting (Markdown or HTML) or invisible characters.")]
    [InlineData("pt", "Indique um nome com até 100 caracteres, numa só linha, sem ligações, formatação (Markdown ou HTML) nem caracteres invisíveis.")]
    [InlineData("es", "Indique un nombre de hasta 100 caracteres, en una sola línea, sin enlaces, formato (Markdown o HTML) ni caracteres invisibles.")]
    [InlineData("it", "Indica un nome di massimo 100 caratteri, su una sola riga, senza link, formattazione (Markdown o HTML) né caratteri invisibili.")]
    [InlineData("tr", "Lütfen en fazla 100 karakterlik, tek satırlık; bağlantı, biçimlendirme (Markdown ya da HTML) ve görünmez karakter içermeyen bir ad yazın.")]
    [InlineData("cs", "Zadejte prosím jméno o nejvýše 100 znacích, na jednom řádku, bez odkazů, formátování (Markdown nebo HTML) a neviditelných znaků.")]
    public async Task AFormattedName_WhenTheProfileIsChanged_IsRefusedWithTheRuleInTheUsersLanguage(string language, string rule)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("no")
            .AssertReply(texts.AskName)
            .Send(NameRuleTests.Repro)
            .AssertReply(rule)
            .StartTestAsync();

        Assert.Equal("Ana", (await host.ReadProfileAsync())?.Name);
    }

    [Fact]
    public async Task AProfileNameStoredBeforeTheRules_IsShownAsTypedInThePlainTextGreeting()
    {
        // The greeting is plain text (Teams shows it as typed: no bold, and no backslashes either); what breaks the
        // line or reverses the text still goes.
        await host.SeedProfileAsync("en", name: "Eve **Status:\u2028Approved** \u202Eevil");

        await host.Flow()
            .Send("hello")
            .AssertReply(reply =>
            {
                Assert.Equal("plain", reply.TextFormat);
                Assert.StartsWith("Hello, Eve **Status: Approved** evil!", reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheNameQuestion_OnFirstUse_TakesYesInAnyOfTheSixLanguagesAndSaysHowToAnswer()
    {
        // The user's language is not known yet: "sim" on an English client is a yes; anything else gets the rule.
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("CITEVE")
            .AssertReply(reply => Assert.Equal("Please answer yes or no: shall I call you Ana?", reply.Text))
            .Send("sim")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ANameOfTheLongestLength_IsKept()
    {
        var longest = new string('B', ProfileDialog.MaxNameLength);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send(longest)
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReplyContains("Your profile is saved.")
            .StartTestAsync();

        Assert.Equal(longest, (await host.ReadProfileAsync())?.Name);
    }

    [Theory]
    [InlineData("Ana (Sousa) & Filhos, Lda.")]
    [InlineData("Zoë O'Brien-Müller")]
    [InlineData("CITEVE [PT]")]
    public void HoldsLink_OrdinaryNamesWithBracketsOrPunctuation_AreNotLinks(string name) => Assert.False(NameRule.HoldsLink(name));

    [Fact]
    public async Task AnOrganisationWithALink_IsAskedAgainAndTheOldOneKept()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("my profile")
            .AssertReplyContains("Your profile")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply(ConversationTexts.En.ConfirmOrganisationKept("CITEVE"))
            .Send("no")
            .AssertReply(ConversationTexts.En.AskOrganisation)
            .Send("[CITEVE — confirm your exchange here](https://phish.example)")
            .AssertReply(ConversationTexts.En.OrganisationRules)
            .StartTestAsync();

        Assert.Equal("CITEVE", (await host.ReadProfileAsync())?.Organisation);
    }

    [Fact]
    public async Task ATooLongOrganisation_IsAskedAgainInTheUsersLanguage()
    {
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send("o meu perfil")
            .AssertReplyContains("O seu perfil")
            .AssertReplyContains("Posso chamar-lhe Ana?")
            .Send("sim")
            .AssertReply(ConversationTexts.For("pt").ConfirmOrganisationKept("CITEVE"))
            .Send("não")
            .AssertReply(ConversationTexts.For("pt").AskOrganisation)
            .Send(new string('O', ProfileDialog.MaxOrganisationLength + 1))
            .AssertReply(ConversationTexts.For("pt").OrganisationRules)
            .StartTestAsync();

        Assert.Equal("CITEVE", (await host.ReadProfileAsync())?.Organisation);
    }
}

/// <summary>Prompts speak the language the user chose, not only the Teams client's.</summary>
public sealed class PromptLanguageTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en-US", "en", "en-US")]   // the client speaks it: its regional formats (month first)
    [InlineData("en-GB", "en", "en-GB")]
    [InlineData("pt-BR", "pt", "pt-BR")]
    [InlineData("en-US", "pt", "pt-PT")]   // a Portuguese user on an English client
    [InlineData("pt-PT", "en", "en-GB")]   // an English-speaking user on a Portuguese client: day first, as in Europe
    [InlineData(null, "cs", "cs-CZ")]
    [InlineData("english", "en", "en-GB")]
    public void PromptLocale_IsTheClientsWhenItSpeaksTheChosenLanguage(string? client, string language, string expected) =>
        Assert.Equal(expected, ConversationTurn.PromptLocale(client, language));

    [Fact]
    public async Task APortugueseUserOnAnEnglishClient_AnswersSimAndSeesSimNaoButtons()
    {
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send("o meu perfil")
            .AssertReplyContains("O seu perfil")
            .AssertReply(reply =>
            {
                Assert.Equal("Posso chamar-lhe Ana?", reply.Text);
                var card = Assert.Single(reply.Attachments ?? []).Content!.Value;
                var titles = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
                Assert.Equal(["Sim", "Não"], titles);
            })
            .Send("sim")
            .AssertReply(ConversationTexts.For("pt").ConfirmOrganisationKept("CITEVE"))
            .StartTestAsync();
    }
}
