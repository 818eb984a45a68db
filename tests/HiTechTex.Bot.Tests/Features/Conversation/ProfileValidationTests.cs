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
            .AssertReply("Please give a name of up to 100 characters, on one line, without links.")
            .Send("Ana Sousa")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
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
    public void HoldsLink_OrdinaryNamesWithBracketsOrPunctuation_AreNotLinks(string name) => Assert.False(ProfileDialog.HoldsLink(name));

    [Fact]
    public async Task AnOrganisationWithALink_IsAskedAgainAndTheOldOneKept()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("my profile")
            .AssertReplyContains("Your profile")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply(ConversationTexts.En.AskOrganisation)
            .Send("[CITEVE — confirm your exchange here](https://phish.example)")
            .AssertReply("Please give your organisation's name, up to 200 characters, on one line, without links.")
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
            .AssertReplyContains("Posso tratá-lo por Ana?")
            .Send("sim")
            .AssertReply(ConversationTexts.For("pt").AskOrganisation)
            .Send(new string('O', ProfileDialog.MaxOrganisationLength + 1))
            .AssertReply("Indique o nome da sua organização, com até 200 caracteres, numa só linha, sem ligações.")
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
                Assert.Equal("Posso tratá-lo por Ana?", reply.Text);
                var card = Assert.Single(reply.Attachments ?? []).Content!.Value;
                var titles = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
                Assert.Equal(["Sim", "Não"], titles);
            })
            .Send("sim")
            .AssertReply(ConversationTexts.For("pt").AskOrganisation)
            .StartTestAsync();
    }
}
