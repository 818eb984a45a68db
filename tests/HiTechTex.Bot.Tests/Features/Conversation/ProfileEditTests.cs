using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>Changing the profile after first use: "my profile", "language", the help card's button.</summary>
public sealed class ProfileEditTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task MyProfile_ShowsItThenAsksAgainAndSavesTheNewAnswers()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("my profile")
            .AssertReply("Your profile: Ana · CITEVE · English. Let's go through it again.")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("Ana Sousa")
            .AssertReply("Is your organisation still CITEVE?")
            .Send("no")
            .AssertReply("Which organisation do you work for?")
            .Send("Tintex")
            .AssertReplyContains("Which language")
            .Send("Italiano")
            .AssertReply("Grazie, Ana Sousa! Il tuo profilo è salvato.")
            .AssertNoReply()
            .Send("blah")
            .AssertReplyContains("Scusa")
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana Sousa", "Tintex", null, "it"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task MyProfile_TheNameQuestionDoesNotGreetAgain()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("my profile")
            .AssertReplyContains("Your profile:")
            .AssertReply(reply => Assert.Equal("Shall I call you Ana?", reply.Text))
            .StartTestAsync();
    }

    /// <summary>
    /// "my profile" typed again at its own confirmation ("Shall I call you Ana?"): not an answer, not a second start —
    /// said to be under way and the confirmation asked again, which a yes still answers.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MyProfile_TypedAgainAtItsConfirmation_UnderWayAndAskedAgain(string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);
        var confirmName = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.ConfirmNameAgainFormat, "Ana");

        await host.Flow()
            .Send(texts.ProfileCommands[0])
            .AssertReply(reply => Assert.Null(reply.Attachments), "the profile")
            .AssertReply(reply => Assert.Equal(confirmName, reply.Text), "shall I call you Ana?")
            .Send(texts.ProfileCommands[0])
            .AssertReply(texts.AlreadyUnderway)
            .AssertReply(reply => Assert.Equal(confirmName, reply.Text), "asked again")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, language), await host.ReadProfileAsync());
    }

    public static TheoryData<string> Languages => [.. ConversationTexts.All.Select(t => t.Language)];

    [Theory]
    [InlineData("language", "en")]
    [InlineData("Língua", "pt")]
    [InlineData("cambiar idioma", "es")]
    [InlineData("lingua", "it")]
    [InlineData("dil", "tr")]
    [InlineData("změnit jazyk", "cs")]
    public async Task LanguageCommand_InAnyLanguage_AsksOnlyForTheLanguage(string command, string profileLanguage)
    {
        await host.SeedProfileAsync(profileLanguage);

        await host.Flow()
            .Send(command)
            .AssertReply(reply => Assert.Equal(ConversationTexts.For(profileLanguage).AskLanguage, reply.Text))
            .Send("Čeština")
            .AssertReply("Děkuji, Ana! Váš profil je uložen.")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "cs"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task HelpCardButton_StartsTheProfileChange()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => host.Submit(new { action = EditProfileDialog.CardAction }))
            .AssertReplyContains("Your profile: Ana · CITEVE · English.")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();
    }

    [Fact]
    public async Task NewUserTypesMyProfile_IsAskedOnceNotTwice()
    {
        await host.Flow()
            .Send("my profile")
            .AssertReplyContains("Nice to meet you! Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal("en", (await host.ReadProfileAsync())?.Language);
    }

    [Fact]
    public async Task CancelWhileChanging_KeepsTheOldProfile()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("my profile")
            .AssertReplyContains("Your profile:")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("cancel")
            .AssertReplyContains("cancel")
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "en"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task MyProfileInAGroupChat_IsNotChangedInFrontOfTheGroup()
    {
        await host.SeedProfileAsync("en");
        var group = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "my profile", Conversation = group })
            .AssertReply(reply => Assert.StartsWith("<at>Ana</at> This is personal", reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public void TheCommandsOfEveryLanguage_AreDistinctFromTheOtherCommands()
    {
        var profile = ConversationTexts.All.SelectMany(t => t.ProfileCommands.Concat(t.LanguageCommands)).ToList();
        var others = ConversationTexts.All.SelectMany(t => new[] { t.HelpWord }).ToList();

        Assert.Empty(profile.Intersect(others, StringComparer.OrdinalIgnoreCase));
        Assert.All(ConversationTexts.All, t => Assert.Contains(t.ProfileWord, t.ProfileCommands));
    }
}

/// <summary>A yes/no or choice question answered with something else says how to answer, not the whole question again.</summary>
public sealed class QuestionRetryTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("cs")]
    public async Task TheLanguageQuestion_AnsweredWithAnUnknownLanguage_OffersTheChoicesAgain(string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(texts.LanguageCommands[0])
            .AssertReply(r => Assert.Equal(texts.AskLanguage, r.Text), "the question")
            .Send("klingon")
            .AssertReply(
                r =>
                {
                    Assert.Equal(texts.AskLanguageRetry, r.Text);
                    var card = System.Text.Json.JsonSerializer.Serialize(Assert.Single(r.Attachments ?? []).Content);
                    Assert.Contains("English", card, StringComparison.Ordinal);
                    Assert.Contains("\\u010Ce\\u0161tina", card, StringComparison.OrdinalIgnoreCase);
                },
                "how to answer, with the choices")
            .StartTestAsync();
    }

    [Fact]
    public async Task TheDeleteQuestion_AnsweredWithSomethingElse_AsksYesOrNoBriefly()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("delete my data")
            .AssertReplyContains("Delete now?")
            .Send("hmm")
            .AssertReply(r => Assert.Equal(ConversationTexts.En.ConfirmDeleteDataRetry, r.Text), "yes or no")
            .Send("no")
            .AssertReply("OK, nothing was deleted.")
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }
}
