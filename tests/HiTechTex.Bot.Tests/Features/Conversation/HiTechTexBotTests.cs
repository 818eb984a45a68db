using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class HiTechTexBotTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task OnTurnAsync_FirstContact_CapturesProfileThenAnswersTheFirstRequest()
    {
        host.Recognizer.Recognized["find a finishing lab in Italy"] = new RecognizedIntent(
            Intent.FindPartners, 0.9, new IntentEntities { Keywords = ["finishing lab"], Country = "IT" });

        await host.Flow()
            .Send("find a finishing lab in Italy")
            .AssertReply(ExpectTextWithButtons("Nice to meet you! Shall I call you Ana?"))
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReply(ExpectTextWithButtons("Which language do you prefer?"))
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertReplyContains("\"Find partners\" is coming soon")
            .AssertReply("You're looking for: finishing lab · Italy")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "en"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task OnTurnAsync_TheTurnThatSavesTheProfile_KeepsTheClientsTimeZoneAndTellsTheListeners()
    {
        // Before: the zone was kept only from the first message after the profile existed, so an approval card sent to
        // a just-onboarded person showed "19:02 (Europe/Lisbon)" instead of their local "19:02".
        var listener = new RecordingTimeZoneListener();
        using var withListener = new ConversationTestHost(configureServices: s => s.AddSingleton<ITimeZoneListener>(listener));
        withListener.Adapter.LocalTimezone = "Europe/Lisbon";

        await withListener.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .StartTestAsync();
        var beforeTheProfile = await KeptTimeZoneAsync(withListener);

        await withListener.Flow()
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .StartTestAsync();

        Assert.Null(beforeTheProfile);
        Assert.Equal("Europe/Lisbon", await KeptTimeZoneAsync(withListener));
        Assert.Equal(["Europe/Lisbon"], listener.Zones);
        Assert.NotNull(await withListener.ReadProfileAsync());

        // The next message in the same zone costs nothing more.
        await withListener.Flow().Send("help").StartTestAsync();
        Assert.Equal(["Europe/Lisbon"], listener.Zones);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    // Files of the host's zoneinfo folder that are no IANA zone. Before: each was kept, given to the listeners (stored on
    // the coaching registrations) and shown in that person's cards, e.g. "19:02 (posixrules)".
    [InlineData("posixrules")]
    [InlineData("right/Asia/Tokyo")]
    [InlineData("posix/Asia/Tokyo")]
    [InlineData("Factory")]
    [InlineData("localtime")]
    public async Task OnTurnAsync_TheTurnThatSavesTheProfile_AZoneThisHostDoesNotKnow_NothingKept(string zone)
    {
        var listener = new RecordingTimeZoneListener();
        using var withListener = new ConversationTestHost(configureServices: s => s.AddSingleton<ITimeZoneListener>(listener));
        withListener.Adapter.LocalTimezone = zone;

        await withListener.Flow()
            .Send("hello").AssertReplyContains("Shall I call you Ana?")
            .Send("yes").AssertReply("Which organisation do you work for?")
            .Send("CITEVE").AssertReplyContains("Which language")
            .Send("English").AssertReply("Thanks, Ana! Your profile is saved.")
            .StartTestAsync();

        Assert.NotNull(await withListener.ReadProfileAsync());
        Assert.Null(await KeptTimeZoneAsync(withListener));
        Assert.Empty(listener.Zones);
    }

    [Fact]
    public async Task OnTurnAsync_StoredTimeZoneThisBuildCannotRead_IsFollowedAgainInsteadOfFailingEveryTurn()
    {
        // The zone last seen, of another JSON type (a newer build's, or edited by hand), failed every message of its user.
        var listener = new RecordingTimeZoneListener();
        using var withListener = new ConversationTestHost(configureServices: s => s.AddSingleton<ITimeZoneListener>(listener));
        withListener.Adapter.LocalTimezone = "Europe/Lisbon";
        using var stored = JsonDocument.Parse("""{"profile":{"name":"Ana","organisation":"CITEVE","language":"en"},"timeZone":{"id":"Europe/Lisbon"}}""");
        await withListener.Storage.WriteAsync(new Dictionary<string, StoreItem> { [ConversationTestHost.UserKey] = new(stored.RootElement.Clone(), "*") });

        await withListener.Flow()
            .Send("blah")
            .AssertReply("Sorry, I didn't understand that. Here is what I can do:")
            .StartTestAsync();

        Assert.Equal(["Europe/Lisbon"], listener.Zones);
        Assert.Equal("Europe/Lisbon", await KeptTimeZoneAsync(withListener));
    }

    private static async Task<string?> KeptTimeZoneAsync(ConversationTestHost on)
    {
        var items = await on.Storage.ReadAsync([ConversationTestHost.UserKey]);
        return items.TryGetValue(ConversationTestHost.UserKey, out var item) && item.Value.TryGetProperty("timeZone", out var zone)
            ? zone.GetString()
            : null;
    }

    private sealed class RecordingTimeZoneListener : ITimeZoneListener
    {
        public List<string> Zones { get; } = [];

        public Task TimeZoneChangedAsync(string aadObjectId, string timeZone, CancellationToken cancellationToken)
        {
            Zones.Add(timeZone);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task OnTurnAsync_FirstContactGreeting_TypedNameThenWelcomeCard()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("Ana Sousa")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReply("Thanks, Ana Sousa! Your profile is saved.")
            .AssertReply(ExpectCard("Welcome to the Hi-Tech-TEX partnership bot"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
    }

    [Fact]
    public async Task OnTurnAsync_ReturningUser_SkipsProfileAndRoutes()
    {
        await host.SeedProfileAsync("en");
        host.Recognizer.Recognized["my sessions"] = new RecognizedIntent(Intent.MySessions, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send("my sessions")
            .AssertReplyContains("\"My sessions\" is coming soon")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_ProfileInPortuguese_SpeaksPortugueseWhateverTheLocale()
    {
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send("blah")
            .AssertReply("Desculpe, não percebi. Eis o que posso fazer:")
            .AssertReply(ExpectCard("Como posso ajudar"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_ProfileInPortugueseCancelWithNothingRunning_SaysSoInPortuguese()
    {
        // Nothing runs at the root: "I've cancelled that" would be untrue (and read as "your booking is cancelled").
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send("cancelar")
            .AssertReply(ConversationTexts.For("pt").NothingToCancel)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_CancelInsideAQuestion_StillCancelsIt()
    {
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send("o meu perfil")
            .AssertReplyContains("O seu perfil")
            .AssertReplyContains("Posso chamar-lhe Ana?")
            .Send("cancelar")
            .AssertReply("Está bem, cancelei.")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_ParaAsToOrForInsideAQuestion_DoesNotCancelButParaAloneDoes()
    {
        // "para" is "stop!" and also "to" / "for": "vamos para …", "quero para …", "para agora" (for now) are no "stop".
        await host.SeedProfileAsync("pt");

        await host.Flow()
            .Send("o meu perfil")
            .AssertReplyContains("O seu perfil")
            .AssertReplyContains("Posso chamar-lhe Ana?")
            .Send("vamos para")
            .AssertReplyContains("Responda sim ou não")
            .Send("para agora")
            .AssertReplyContains("Responda sim ou não")
            .Send("Pára!")
            .AssertReply("Está bem, cancelei.")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_TurkishChosenInProfile_ConfirmsAndRoutesInTurkish()
    {
        host.Recognizer.Recognized["coaching"] = new RecognizedIntent(Intent.RegisterForCoaching, 0.9, new IntentEntities { SessionTopic = "circular economy" });

        await host.Flow()
            .Send("coaching")
            .AssertReplyContains("Ana")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("Uludağ Textile Exporters")
            .AssertReplyContains("language")
            .Send("Türkçe")
            .AssertReply("Teşekkürler, Ana! Profiliniz kaydedildi.")
            .AssertReply("\"Oturum ayırt\" yakında geliyor — bunu henüz yapamıyorum ama isteğinizi not ettim.")
            .AssertReply("Aradığınız: circular economy")
            .StartTestAsync();

        Assert.Equal("tr", (await host.ReadProfileAsync())?.Language);
    }

    [Fact]
    public async Task OnTurnAsync_StoredProfileThisBuildCannotRead_AsksForTheProfileAgainAndSavesIt()
    {
        // A profile with a value of another JSON type (written by a newer build, or by hand) failed every turn of its
        // user for good — profiles are never purged. It now counts as no profile: the first-use questions replace it.
        using var stored = JsonDocument.Parse("""{"profile":{"name":["Ana"],"organisation":"CITEVE","language":"en"},"other":1}""");
        await host.Storage.WriteAsync(new Dictionary<string, StoreItem> { [ConversationTestHost.UserKey] = new(stored.RootElement.Clone(), "*") });

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you")
            .StartTestAsync();

        var saved = (await host.Storage.ReadAsync([ConversationTestHost.UserKey]))[ConversationTestHost.UserKey].Value;
        Assert.False(saved.TryGetProperty("profile", out _));
        Assert.Equal(1, saved.GetProperty("other").GetInt32());
    }

    [Fact]
    public async Task OnTurnAsync_NoProfileAndSpanishLocale_AsksInSpanish()
    {
        host.Adapter.Locale = "es-ES";

        await host.Flow()
            .Send("hola")
            .AssertReplyContains("¿Le llamo Ana?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_HelpMidProfile_ShowsHelpCardAndAsksAgain()
    {
        await host.Flow()
            .Send("hi")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("help")
            .AssertReply(ExpectCard("How I can help"))
            .AssertReplyContains("You can type \"cancel\"")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("cs", "potřebuju pomoc")]
    [InlineData("cs", "potřebuji pomoc")]
    [InlineData("tr", "yardıma ihtiyacım var")]
    [InlineData("it", "mi serve aiuto")]
    [InlineData("en", "I need help")]
    public async Task OnTurnAsync_INeedHelp_ShowsTheHelpCardNotASearch(string language, string text)
    {
        // Czech "potřebuju pomoc" went to the recognizer and ran a partner search ("Žádná organizace neodpovídá…").
        await host.SeedProfileAsync(language);

        await host.Flow()
            .Send(text)
            .AssertReply(ExpectCard(ConversationTexts.For(language).HelpTitle))
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task OnTurnAsync_CzechINeedHelpMidProfile_ShowsHelpCardAndAsksAgain()
    {
        await host.Flow()
            .Send("hi")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("potřebuju pomoc")
            .AssertReply(ExpectCard("How I can help"))
            .AssertReplyContains("You can type \"cancel\"")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_CancelMidProfile_SavesNothingAndStartsAgainNextTime()
    {
        await host.Flow()
            .Send("hi")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("cancel")
            .AssertReply("OK, I've cancelled that.")
            .AssertNoReply()
            .Send("hi again")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task OnTurnAsync_StartOverMidProfile_AsksTheFirstQuestionAgain()
    {
        await host.Flow()
            .Send("hi")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("start over")
            .AssertReply("OK, let's start over.")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("findPartners", "\"Find partners\" is coming soon")]
    [InlineData("applyExchange", "\"Apply for an exchange\" is coming soon")]
    [InlineData("bookSession", "\"Book a session\" is coming soon")]
    public async Task OnTurnAsync_WelcomeCardButton_StartsItsJourneyWithoutTheRecognizer(string action, string expected)
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => host.Submit(new { action }))
            .AssertReplyContains(expected)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task OnTurnAsync_HelpCardMenuButton_ShowsWelcomeCard()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => host.Submit(new { action = "welcome" }))
            .AssertReply(ExpectCard("Welcome to the Hi-Tech-TEX partnership bot"))
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_ExecuteInvoke_RoutesAndAnswersTheInvoke()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => host.Adapter.MakeExecute("go", JsonSerializer.SerializeToElement(new { action = "applyExchange" })))
            .AssertReplyContains("\"Apply for an exchange\" is coming soon")
            .AssertInvokeResponse(response => Assert.Equal(200, response?.Status))
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_HelpTypedAtTheRoot_ShowsHelpCardWithoutRecognizer()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("help")
            .AssertReply(ExpectCard("How I can help"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task OnTurnAsync_BotAdded_SendsOneWelcomeCardWithAButtonPerJourney()
    {
        var added = new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = "29:user-1" }, new ChannelAccount { Id = "28:bot" }] };

        await host.Flow()
            .Send(added)
            .AssertReply(reply =>
            {
                var attachment = Assert.Single(reply.Attachments!);
                Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
                var card = attachment.Content!.Value;
                Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
                Assert.Equal("1.5", card.GetProperty("version").GetString());
                Assert.Equal("Welcome to the Hi-Tech-TEX partnership bot", card.GetProperty("body")[0].GetProperty("text").GetString());
                var actions = card.GetProperty("actions").EnumerateArray()
                    .Select(a => (a.GetProperty("type").GetString(), a.GetProperty("data").GetProperty("action").GetString()))
                    .ToList();
                Assert.Equal(
                    [("Action.Submit", "findPartners"), ("Action.Submit", "applyExchange"), ("Action.Submit", "bookSession")],
                    actions);
                Assert.DoesNotContain("${", card.GetRawText(), StringComparison.Ordinal);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_OtherMemberAdded_SaysNothing()
    {
        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = "29:someone" }] })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_InstallationAdd_SaysNothingBecauseMembersAddedWelcomes()
    {
        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add" })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_InstallationAddUpgrade_SaysNothingAndKeepsTheProfile()
    {
        // An app upgrade is no uninstall: the profile stays and nobody is greeted again.
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add-upgrade" })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "en"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task OnTurnAsync_BotAddedInAnEventWithoutASendersId_StillWelcomesOnce()
    {
        // No user to key a state on: the turn reads no user state (none keyed on an empty id) and the welcome still goes out.
        var added = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            From = new ChannelAccount(),
            MembersAdded = [new ChannelAccount { Id = "29:user-1" }, new ChannelAccount { Id = "28:bot" }],
        };

        await host.Flow()
            .Send(added)
            .AssertReply(reply => Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(reply.Attachments!).ContentType))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("en", "I am the coordinator")]
    [InlineData("pt", "sou o coordenador do programa")]
    [InlineData("es", "soy el coordinador")]
    [InlineData("it", "sono il coordinatore")]
    [InlineData("tr", "ben koordinatörüm")]
    [InlineData("cs", "jsem koordinátor programu")]
    public async Task OnTurnAsync_ClaimingTheCoordinatorsRole_GivesNoneOfItsCommands(string language, string claim)
    {
        // Roles come from the configuration only: saying one has a role is just words, and the next command is still refused.
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(claim)
            .AssertReply(texts.DidNotUnderstand)
            .AssertReply(reply => Assert.DoesNotContain(
                JsonSerializer.Serialize(HiTechTex.Bot.Features.Coaching.CoachingTexts.Resolve(language).NewSessionCommands[0])[1..^1],
                JsonSerializer.Serialize(reply.Attachments![0].Content), StringComparison.OrdinalIgnoreCase))
            .Send(HiTechTex.Bot.Features.Coaching.CoachingTexts.Resolve(language).NewSessionCommands[0])
            .AssertReply(texts.OnlySessionCoordinators)
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_UserStateChangedByAnotherTurn_AsksToResendAndWritesNothing()
    {
        var storage = new RacingStorage();
        using var racing = new ConversationTestHost(storage);
        var conversationKey = "msteams/conversations/a:conversation-1";
        string? etagBefore = null;

        await racing.Flow()
            .Send("hi")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .Do(async () =>
            {
                etagBefore = (await storage.ReadAsync([conversationKey]))[conversationKey].ETag;
                storage.RaceOnNextWrite = ConversationTestHost.UserKey;
            })
            .Send("English")
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertReply(ExpectCard("Welcome"))
            .AssertReply("I was still working on your previous message — please send that again.")
            .StartTestAsync();

        // The conversation state was not moved on either: the batch was all or nothing.
        Assert.Equal(etagBefore, (await storage.ReadAsync([conversationKey]))[conversationKey].ETag);
        Assert.Null(await racing.ReadProfileAsync());
        Assert.Equal(1, storage.ConflictingBatches);
    }

    [Theory]
    [InlineData("no", false)]
    [InlineData("yes", true)]
    public async Task OnTurnAsync_StateChangedByAnotherTurn_TheTurnAnsweredAndLeftNothingWaiting_NoSendAgainAfterTheAnswer(string answer, bool deletes)
    {
        // Before: two instances processing two clicks of one conversation — the second answered ("already submitted")
        // and then added "I was still working on your previous message — please send that again.", as if the answer
        // were wrong. A turn that answered, leaves nothing waiting and changed no profile loses nothing by not saving.
        // Nor does one that deleted the profile: it went from the store at once, and the deleted user's dialog state
        // needs no save (before, "Done: deleted…" was followed by "please send that again").
        var storage = new RacingStorage { BothStatesInTheBatch = false };
        using var racing = new ConversationTestHost(storage);
        await racing.SeedProfileAsync("en");
        await racing.Flow()
            .Send("delete my data")
            .AssertReply(reply => Assert.StartsWith(ConversationTexts.En.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
        storage.RaceOnNextWrite = "msteams/conversations/a:conversation-1";

        // The answer ends the question (as the second click's "already submitted" ends the form).
        await racing.Flow()
            .Send(answer)
            .AssertReply(deletes ? ConversationTexts.En.DataDeleted : ConversationTexts.En.DataKept)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(1, storage.ConflictingBatches);
        Assert.Equal(deletes, await racing.ReadProfileAsync() is null);
    }

    [Fact]
    public async Task OnTurnAsync_StateChangedByAnotherTurn_TheTurnLeftAQuestionWaiting_StillAsksToSendAgain()
    {
        // The question asked is forgotten with the unsaved state: the user must know to ask again.
        var storage = new RacingStorage { BothStatesInTheBatch = false };
        using var racing = new ConversationTestHost(storage);
        await racing.SeedProfileAsync("en");
        storage.RaceOnNextWrite = "msteams/conversations/a:conversation-1";

        await racing.Flow()
            .Send("delete my data")
            .AssertReply(reply => Assert.StartsWith(ConversationTexts.En.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .AssertReply(ConversationTexts.En.Busy)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(1, storage.ConflictingBatches);
    }

    [Fact]
    public async Task OnTurnAsync_GroupChat_AnotherMembersMessageDoesNotAnswerTheFirstMembersPrompt()
    {
        var group = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };
        var bruno = new ChannelAccount { Id = "29:user-2", Name = "Bruno", AadObjectId = "00000000-0000-0000-0000-000000000002" };
        Activity FromAna(string text) => new() { Type = ActivityTypes.Message, Text = text, Conversation = group };
        Activity FromBruno(string text) => new() { Type = ActivityTypes.Message, Text = text, Conversation = group, From = bruno };

        await host.Flow()
            .Send(FromAna("hello"))
            .AssertReplyContains("Shall I call you Ana?")
            .Send(FromAna("yes"))
            // A typed answer reaches the bot in a group only with its mention: the question says so (ProfileQuestionsInGroupTests).
            .AssertReply("<at>Ana</at> Which organisation do you work for?\n\n" + ConversationTexts.En.MentionMeInGroup("Bot"))
            // Bruno's words are not Ana's organisation: he gets his own first-use questions.
            .Send(FromBruno("Italiano"))
            .AssertReplyContains("<at>Bruno</at> Nice to meet you! Shall I call you Bruno?")
            .Send(FromAna("CITEVE"))
            .AssertReplyContains("<at>Ana</at> Which language")
            .Send(FromBruno("no"))
            .AssertReply("<at>Bruno</at> What name should I use?\n\n" + ConversationTexts.En.MentionMeInGroup("Bot"))
            .Send(FromAna("English"))
            // The thanks is plain text (it holds the name as typed): the mention goes on the card that follows.
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertReply(reply =>
            {
                ExpectCard("Welcome")(reply);
                Assert.Equal("<at>Ana</at>", reply.Text);
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "en"), await host.ReadProfileAsync());
        var stacks = await host.Storage.ReadAsync([
            "msteams/conversations/19:group-1@thread.v2",
            "msteams/conversations/19:group-1@thread.v2/users/29:user-1",
            "msteams/conversations/19:group-1@thread.v2/users/29:user-2"]);
        Assert.Equal(
            ["msteams/conversations/19:group-1@thread.v2/users/29:user-1", "msteams/conversations/19:group-1@thread.v2/users/29:user-2"],
            stacks.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("profile.name", stacks["msteams/conversations/19:group-1@thread.v2/users/29:user-2"].Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTurnAsync_GroupChat_TheFirstMessageOfATurnMentionsTheMemberItAnswers()
    {
        var group = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "help", Conversation = group })
            .AssertReply(reply =>
            {
                // A card-only message gets the mention as its text, with the entity Teams needs to show it.
                Assert.Equal("<at>Ana</at>", reply.Text);
                var mention = Assert.Single(reply.Entities!);
                Assert.True(mention.IsMention);
                Assert.Equal(("<at>Ana</at>", "29:user-1", "Ana"), (mention.Text, mention.Mentioned?.Id, mention.Mentioned?.Name));
                Assert.Single(reply.Attachments!);
            })
            .AssertNoReply()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "blah", Conversation = group })
            .AssertReply(reply =>
            {
                Assert.Equal("<at>Ana</at> Sorry, I didn't understand that. Here is what I can do:", reply.Text);
                Assert.Single(reply.Entities!);
            })
            // Only the first message of the turn: the help card that follows is left as it is.
            .AssertReply(reply =>
            {
                Assert.Null(reply.Text);
                Assert.Null(reply.Entities);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_UninstalledFromThePersonalScope_DeletesTheChatsStateAndTheProfileAndSavesNothing()
    {
        await host.SeedProfileAsync("en");
        await host.Flow().Send("help").AssertReply(reply => Assert.Single(reply.Attachments!)).StartTestAsync();
        await host.Storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/conversations/a:conversation-1"] = new(JsonSerializer.SerializeToElement(new { dialogState = new { } }), "*"),
            ["msteams/conversations/a:another-chat"] = new(JsonSerializer.SerializeToElement(new { kept = true }), "*"),
        });

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove" })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
        var left = await host.Storage.ReadAsync(["msteams/conversations/a:conversation-1", ConversationTestHost.UserKey, "msteams/conversations/a:another-chat"]);
        Assert.Equal(["msteams/conversations/a:another-chat"], left.Keys);
    }

    [Fact]
    public async Task OnTurnAsync_RemovedFromAGroupChat_DeletesEveryMembersDialogButNotTheRemoversProfile()
    {
        var group = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };
        var bruno = new ChannelAccount { Id = "29:user-2", Name = "Bruno", AadObjectId = "00000000-0000-0000-0000-000000000002" };
        await host.SeedProfileAsync("en");
        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "hello", Conversation = group, From = bruno })
            .AssertReplyContains("Shall I call you Bruno?")
            .StartTestAsync();
        await host.Storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/conversations/19:group-1@thread.v2/users/29:user-1"] = new(JsonSerializer.SerializeToElement(new { dialogState = new { } }), "*"),
            ["msteams/conversations/19:group-2@thread.v2/users/29:user-1"] = new(JsonSerializer.SerializeToElement(new { kept = true }), "*"),
        });

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, Conversation = group, MembersRemoved = [new ChannelAccount { Id = "28:bot" }] })
            .AssertNoReply()
            .StartTestAsync();

        var left = await host.Storage.ReadAsync([
            "msteams/conversations/19:group-1@thread.v2/users/29:user-1",
            "msteams/conversations/19:group-1@thread.v2/users/29:user-2",
            "msteams/conversations/19:group-2@thread.v2/users/29:user-1",
            ConversationTestHost.UserKey]);
        Assert.Equal(["msteams/conversations/19:group-2@thread.v2/users/29:user-1", ConversationTestHost.UserKey], left.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Before: a removal from a group chat or a team whose conversation carried neither <c>isGroup</c> nor a
    /// <c>conversationType</c> was taken for a 1:1 uninstall, and the remover's profile was deleted with the group's
    /// states. Now a group chat's or channel's id (<c>19:…@thread…</c>) is sign enough: the profile stays.
    /// </summary>
    [Theory]
    [InlineData("19:group-1@thread.v2", "installationUpdate")]
    [InlineData("19:group-1@thread.v2", "conversationUpdate")]
    [InlineData("19:channel-1@thread.tacv2", "installationUpdate")]
    [InlineData("19:channel-1@thread.skype", "conversationUpdate")]
    public async Task OnTurnAsync_RemovedFromAGroupWhoseTypeIsNotSaid_KeepsTheRemoversProfile(string conversationId, string kind)
    {
        var group = new ConversationAccount { Id = conversationId };
        await host.SeedProfileAsync("en");
        await host.Storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["msteams/conversations/" + conversationId] = new(JsonSerializer.SerializeToElement(new { kept = false }), "*"),
        });

        await host.Flow()
            .Send(kind == "installationUpdate"
                ? new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove", Conversation = group }
                : new Activity { Type = ActivityTypes.ConversationUpdate, Conversation = group, MembersRemoved = [new ChannelAccount { Id = "28:bot" }] })
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
        Assert.Empty(await host.Storage.ReadAsync(["msteams/conversations/" + conversationId]));
    }

    /// <summary>A 1:1 chat's uninstall without the type fields (its id is <c>a:…</c>) still deletes the profile.</summary>
    [Fact]
    public async Task OnTurnAsync_UninstalledFromAPersonalChatWhoseTypeIsNotSaid_DeletesTheProfile()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove", Conversation = new ConversationAccount { Id = "a:conversation-1" } })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task OnTurnAsync_AnotherMemberLeavesTheGroup_NothingIsDeleted()
    {
        var group = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };
        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "hello", Conversation = group })
            .AssertReplyContains("Shall I call you Ana?")
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, Conversation = group, MembersRemoved = [new ChannelAccount { Id = "29:user-9" }] })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Single(await host.Storage.ReadAsync(["msteams/conversations/19:group-1@thread.v2/users/29:user-1"]));
    }

    [Fact]
    public async Task OnTurnAsync_StateCannotBeRead_TheErrorMessageIsAlreadyInTheTeamsClientsLanguage()
    {
        using var failing = new ConversationTestHost(new UnreadableStorage());
        ITurnContext? turn = null;
        failing.Adapter.OnTurnStart = t => turn = t;
        failing.Adapter.Locale = "it-IT";

        await Assert.ThrowsAsync<TimeoutException>(() => failing.Adapter.ProcessActivityAsync(failing.Adapter.MakeMessage("ciao")));

        Assert.Equal(ConversationTexts.For("it").TurnFailed, turn?.TurnState[TurnStateKeys.ErrorMessage]);
    }

    [Fact]
    public async Task OnTurnAsync_ProfileLanguage_IsTheErrorMessagesLanguage()
    {
        await host.SeedProfileAsync("tr");
        ITurnContext? turn = null;
        host.Adapter.OnTurnStart = t => turn = t;

        await host.Flow().Send("blah").AssertReplyContains("Üzgünüm").StartTestAsync();

        Assert.Equal(ConversationTexts.For("tr").TurnFailed, turn?.TurnState[TurnStateKeys.ErrorMessage]);
    }

    [Fact]
    public async Task OnTurnAsync_PersonalChat_NoMention()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("blah")
            .AssertReply(reply =>
            {
                Assert.Equal("Sorry, I didn't understand that. Here is what I can do:", reply.Text);
                Assert.Null(reply.Entities);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task OnTurnAsync_PersonalChat_KeepsTheDialogStackInTheConversationState()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();

        var stacks = await host.Storage.ReadAsync(["msteams/conversations/a:conversation-1", "msteams/conversations/a:conversation-1/users/29:user-1"]);
        Assert.Equal(["msteams/conversations/a:conversation-1"], stacks.Keys);
        Assert.Contains("dialogStack", stacks["msteams/conversations/a:conversation-1"].Value.GetRawText(), StringComparison.Ordinal);
    }

    private static Action<Activity> ExpectTextWithButtons(string text) => reply =>
    {
        Assert.Equal(text, reply.Text);
        Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(reply.Attachments!).ContentType);
    };

    private static Action<Activity> ExpectCard(string titleStart) => reply =>
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        var title = attachment.Content!.Value.GetProperty("body")[0].GetProperty("text").GetString();
        Assert.StartsWith(titleStart, title, StringComparison.Ordinal);
    };

    /// <summary>A store whose reads time out (a database that does not answer).</summary>
    private sealed class UnreadableStorage : IStorage
    {
        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            throw new TimeoutException("the database did not answer");

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
            throw new TimeoutException("the database did not answer");

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            throw new TimeoutException("the database did not answer");
    }

    /// <summary>
    /// A <see cref="MemoryStorage"/> where another turn writes <see cref="RaceOnNextWrite"/> just before the next
    /// batch, as when two messages of the same user are processed at once.
    /// </summary>
    private sealed class RacingStorage : IStorage
    {
        private readonly MemoryStorage inner = new();

        public string? RaceOnNextWrite { get; set; }

        /// <summary>Whether the racing batch must hold both states (a turn that changed the user state too).</summary>
        public bool BothStatesInTheBatch { get; set; } = true;

        public int ConflictingBatches { get; private set; }

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default)
        {
            if (RaceOnNextWrite is { } key)
            {
                RaceOnNextWrite = null;
                ConflictingBatches++;
                Assert.True(!BothStatesInTheBatch || changes.Count == 2, "the conversation and user state are written in one batch");
                await inner.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(JsonSerializer.SerializeToElement(new { other = 1 }), "*") }, cancellationToken);
            }

            return await inner.WriteAsync(changes, cancellationToken);
        }

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
