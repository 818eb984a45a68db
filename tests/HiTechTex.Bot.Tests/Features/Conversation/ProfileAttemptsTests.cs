using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Every profile question has a limit: after <see cref="ProfileDialog.ProfileAttempts"/> answers it cannot use, the name
/// and organisation questions keep what there is (the Teams name, what was saved before) or leave it unset, say so and
/// how to set it later — they never loop.
/// </summary>
public sealed class ProfileAttemptsTests : IDisposable
{
    private const string Bad = "[Verify your account](https://phish.example/login)";

    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    public async Task NameQuestion_TeamsNameDeclinedThenThreeUnusableAnswers_LeavesTheNameUnsetNotTheDeclinedName(string language)
    {
        // It said "Let's keep Ana as your name for now" ("Por agora fica Ana…") — the name the user had just declined.
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(language == "pt" ? "não" : "no")
            .AssertReply(texts.AskName)
            .Send(Bad)
            .AssertReply(texts.NameRules)
            .Send("Ana\nSousa")
            .AssertReply(texts.NameRules)
            .Send("**Ana**")
            .AssertReply(texts.NameUnset)
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(reply => Assert.Equal(texts.ProfileSavedWithoutName, reply.Text), "saved, without a name")
            .StartTestAsync();

        Assert.Equal("", (await host.ReadProfileAsync())?.Name);
        Assert.Contains("\"my profile\"", ConversationTexts.En.NameKept("Ana"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameQuestion_ThreeUnusableAnswersAndNoUsableTeamsName_LeavesTheNameUnset()
    {
        host.Adapter.User = new() { Id = "29:user-1", Name = "https://phish.example", AadObjectId = "00000000-0000-0000-0000-000000000001" };
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("hello")
            .AssertReplyContains(texts.AskName)
            .Send(Bad)
            .AssertReply(texts.NameRules)
            .Send(Bad)
            .AssertReply(texts.NameRules)
            .Send(Bad)
            .AssertReply(texts.NameUnset)
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply(reply => Assert.Equal(texts.ProfileSavedWithoutName, reply.Text), "saved, without a name")
            .StartTestAsync();

        var profile = await host.ReadProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal("", profile.Name);
    }

    [Fact]
    public async Task ConfirmNameQuestion_ThreeAnswersThatAreNoYesOrNo_KeepsTheTeamsNameAndGoesOn()
    {
        var texts = ConversationTexts.En;
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("perhaps")
            .AssertReplyContains(texts.ConfirmNameRetry("Ana"))
            .Send("dunno")
            .AssertReplyContains(texts.ConfirmNameRetry("Ana"))
            .Send("whatever")
            .AssertReply(texts.NameKept("Ana"))
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "en-US")]
    [InlineData("pt", "pt-PT")]
    [InlineData("es", "es-ES")]
    [InlineData("it", "it-IT")]
    [InlineData("tr", "tr-TR")]
    [InlineData("cs", "cs-CZ")]
    public async Task OrganisationQuestion_ThreeUnusableAnswers_LeavesItUnsetSaysHowToSetItAndAsksTheLanguage(string language, string locale)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("yes")
            .AssertReply(texts.AskOrganisation)
            .Send(Bad)
            .AssertReply(texts.OrganisationRules)
            .Send("CITEVE\nhttps://phish.example")
            .AssertReply(texts.OrganisationRules)
            .Send(new string('X', ProfileDialog.MaxOrganisationLength + 1))
            .AssertReply(texts.OrganisationUnset)
            .AssertReply(reply => Assert.StartsWith(texts.AskLanguage, reply.Text, StringComparison.Ordinal), "the language question")
            .Send(texts.LanguageName)
            .AssertReplyContains(texts.ProfileSaved("Ana"))
            .StartTestAsync();

        var profile = await host.ReadProfileAsync();
        Assert.NotNull(profile);
        Assert.Equal("", profile.Organisation);
        Assert.Null(profile.OrganisationId);
        Assert.Contains(texts.ProfileWord, texts.OrganisationUnset, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileAskedAgain_ThreeUnusableAnswers_KeepsTheSavedNameAndOrganisation()
    {
        await host.SeedProfileAsync("en", name: "Ana Sousa", organisation: "CITEVE", organisationId: "org-1");
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))   // the saved name offered, not the Teams name "Ana"
            .Send("no")
            .AssertReply(texts.AskName)
            .Send(Bad).AssertReply(texts.NameRules)
            .Send(Bad).AssertReply(texts.NameRules)
            .Send(Bad).AssertReply(texts.NameKept("Ana Sousa"))
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send("no")
            .AssertReply(texts.AskOrganisation)
            .Send(Bad).AssertReply(texts.OrganisationRules)
            .Send(Bad).AssertReply(texts.OrganisationRules)
            .Send(Bad).AssertReply(texts.OrganisationKept("CITEVE"))
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReplyContains("Thanks, Ana Sousa! Your profile is saved.")
            .StartTestAsync();

        var profile = await host.ReadProfileAsync();
        Assert.Equal(new UserProfile("Ana Sousa", "CITEVE", "org-1", "en"), profile);
    }
}

public sealed class ProfileWithoutNameTextsTests
{
    public static TheoryData<string> Languages => [.. ConversationTexts.All.Select(t => t.Language)];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Greeting_NoName_IsAHelloWithoutAnEmptyName(string language)
    {
        var greeting = ConversationTexts.For(language).Greeting("");

        Assert.DoesNotContain("{0}", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain(", !", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain(" !", greeting, StringComparison.Ordinal);
        Assert.Matches(@"^\S+( \S+)?! ", greeting);
    }

    [Fact]
    public void ProfileIntro_NameAndOrganisationUnset_ShowsDashes()
    {
        var intro = ConversationTexts.En.ProfileIntro(new UserProfile("", "", null, "en"));

        Assert.Equal("Your profile: — · — · English. Let's go through it again.", intro);
    }
}
