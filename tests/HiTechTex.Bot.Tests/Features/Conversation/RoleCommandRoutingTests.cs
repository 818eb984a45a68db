using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Cards;
using HiTechTex.Bot.Tests.Features.Exchanges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The role commands in one's own words: for the people who have the role (from the configuration) the command, for the
/// others a polite "this is for …" — never the application form.
/// </summary>
public sealed class RoleCommandRoutingTests : IDisposable
{
    private const string User = "00000000-0000-0000-0000-000000000001";

    private readonly RecordingJourney roleJourney = new(
        "test.roles",
        [],
        [.. ExchangeTexts.All.SelectMany(t => t.PendingApprovalsCommands.Concat(t.ProgressCommands).Concat(t.ExportCommands).Concat(t.StuckCommands)),
         .. PartnerTexts.All.SelectMany(t => t.ManageMembersCommands),
         .. CoachingTexts.All.SelectMany(t => t.NewSessionCommands.Concat(t.ImportCommands))]);

    private readonly RecordingJourney applyJourney = new("test.apply", [Intent.ApplyForExchange], []);

    /// <summary>The exchange journey's coordinator buttons: the progress card's "Stuck applications", the stuck list's "Retry now".</summary>
    private readonly RecordingJourney exchangeButtons = new("test.exchangeButtons", [], [], [ExchangeVerbs.Stuck, ExchangeVerbs.RetryDelivery]);

    private readonly Mock<IProactiveMessenger> messenger = new(MockBehavior.Strict);
    private readonly List<Activity> privateSends = [];

    /// <summary>The log entries of the turns (event ids and levels).</summary>
    private readonly ExchangeLogCapture logs = new();

    private ConversationTestHost? host;

    public void Dispose() => host?.Dispose();

    [Theory]
    [InlineData("candidaturas pendentes", "pt", "aprovações pendentes")]
    [InlineData("tenho candidaturas para aprovar?", "pt", "aprovações pendentes")]
    [InlineData("which applications are waiting for my approval?", "en", "pending approvals")]
    [InlineData("onay bekleyen başvurular", "tr", "bekleyen onaylar")]
    public async Task OnTurnAsync_ManagerAsksForApprovalsInOwnWords_StartsPendingApprovalsNotTheForm(string typed, string language, string command)
    {
        var conversation = Host(manager: true, coordinator: false);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply("journey test.roles")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(command, Assert.Single(roleJourney.Starts).Text);
        Assert.Empty(applyJourney.Starts);
        Assert.Empty(conversation.Recognizer.Texts);
    }

    [Theory]
    [InlineData("avanzamento degli scambi", "it", "avanzamento scambi")]
    [InlineData("progressi scambi", "it", "avanzamento scambi")]
    [InlineData("how many exchanges so far?", "en", "exchange progress")]
    [InlineData("export exchanges to excel", "en", "export exchanges")]
    [InlineData("descargar los intercambios en csv", "es", "exportar intercambios")]
    [InlineData("kolik výměn zatím proběhlo", "cs", "postup výměn")]
    public async Task OnTurnAsync_CoordinatorAsksForProgressOrExportInOwnWords_StartsThatCommand(string typed, string language, string command)
    {
        var conversation = Host(manager: false, coordinator: true);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply("journey test.roles")
            .StartTestAsync();

        Assert.Equal(command, Assert.Single(roleJourney.Starts).Text);
        Assert.Empty(applyJourney.Starts);
    }

    /// <summary>
    /// Before: "show me the stuck applications" got "I didn't understand" and the help card, "quais candidaturas estão
    /// bloqueadas?" the application form (refused for the coordinator's organisation); only the exact command worked.
    /// </summary>
    [Theory]
    [InlineData("show me the stuck applications", "en")]
    [InlineData("quais candidaturas estão bloqueadas?", "pt")]
    [InlineData("¿qué solicitudes están atascadas?", "es")]
    [InlineData("mostrami le candidature bloccate", "it")]
    [InlineData("takılan başvurular hangileri?", "tr")]
    [InlineData("takılan başvuruları göster", "tr")]
    [InlineData("ukaž zaseknuté žádosti", "cs")]
    public async Task OnTurnAsync_CoordinatorAsksForStuckApplicationsInOwnWords_StartsThatCommand(string typed, string language)
    {
        var conversation = Host(manager: false, coordinator: true);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply("journey test.roles")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ExchangeTexts.Resolve(language).StuckCommands[0], Assert.Single(roleJourney.Starts).Text);
        Assert.Empty(applyJourney.Starts);
        Assert.Empty(conversation.Recognizer.Texts);
    }

    [Theory]
    [InlineData("show me the stuck applications", "en")]
    [InlineData("quais candidaturas estão bloqueadas?", "pt")]
    public async Task OnTurnAsync_NoCoordinatorAsksForStuckApplications_SaysItIsForCoordinatorsAndOpensNoForm(string typed, string language)
    {
        var conversation = Host(manager: true, coordinator: false);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(language, null).OnlyForCoordinators)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(roleJourney.Starts);
        Assert.Empty(applyJourney.Starts);
    }

    [Theory]
    [InlineData("quantos intercâmbios posso fazer?", "pt")]
    [InlineData("how many exchanges can I do?", "en")]
    [InlineData("¿cuántos intercambios puedo hacer?", "es")]
    [InlineData("quanti scambi posso fare?", "it")]
    [InlineData("kaç değişim yapabilirim?", "tr")]
    [InlineData("kolik výměn můžu absolvovat?", "cs")]
    // In other words (before: the application form opened).
    [InlineData("can we do more than one exchange?", "en")]
    [InlineData("what's the maximum length of an exchange?", "en")]
    [InlineData("is there a limit on the number of exchanges?", "en")]
    [InlineData("how many times can my company go on an exchange?", "en")]
    [InlineData("¿puedo hacer más de un intercambio?", "es")]
    [InlineData("podemos fazer mais de um intercâmbio?", "pt")]
    [InlineData("possiamo fare più di uno scambio?", "it")]
    [InlineData("birden fazla değişim yapabilir miyim?", "tr")]
    [InlineData("můžeme absolvovat více než jednu výměnu?", "cs")]
    // In ordinary words (explorer report 20, finding 5; before: the application form opened).
    [InlineData("can I go on two exchanges?", "en")]
    [InlineData("can we apply twice?", "en")]
    [InlineData("can an exchange last two months?", "en")]
    [InlineData("how much money do I get for an exchange?", "en")]
    [InlineData("who can apply for an exchange?", "en")]
    [InlineData("is there a deadline to apply for an exchange?", "en")]
    [InlineData("posso fazer dois intercâmbios?", "pt")]
    [InlineData("quanto dinheiro recebo por um intercâmbio?", "pt")]
    [InlineData("¿puedo hacer dos intercambios?", "es")]
    [InlineData("¿quién puede solicitar un intercambio?", "es")]
    [InlineData("posso fare due scambi?", "it")]
    [InlineData("uno scambio può durare due mesi?", "it")]
    [InlineData("iki değişim yapabilir miyim?", "tr")]
    [InlineData("bir değişim için ne kadar para alırım?", "tr")]
    [InlineData("můžu jet na dvě výměny?", "cs")]
    [InlineData("kolik peněz dostanu za výměnu?", "cs")]
    public async Task OnTurnAsync_CoordinatorAsksHowManyExchangesTheyMayDo_AnsweredWithTheRulesNotProgress(string typed, string language)
    {
        var conversation = Host(manager: true, coordinator: true);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(language, null).ExchangeRules)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(roleJourney.Starts);
        Assert.Empty(applyJourney.Starts);
        Assert.Empty(conversation.Recognizer.Texts);
    }

    // When one may apply (before: the application form opened): the rules, which say the bot knows no deadline and whom
    // to ask — for a member without a role too.
    [Theory]
    [InlineData("when can I apply?", "en")]
    [InlineData("quando posso candidatar-me?", "pt")]
    [InlineData("¿cuándo puedo solicitar un intercambio?", "es")]
    [InlineData("quando posso candidarmi a uno scambio?", "it")]
    [InlineData("ne zaman başvurabilirim", "tr")]
    [InlineData("kdy se můžu přihlásit na výměnu?", "cs")]
    public async Task OnTurnAsync_WhenCanIApply_AnsweredWithTheRulesNotTheForm(string typed, string language)
    {
        var conversation = Host(manager: false, coordinator: false);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(language, null).ExchangeRules)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(applyJourney.Starts);
        Assert.Empty(conversation.Recognizer.Texts);
    }

    /// <summary>
    /// Someone who is no cluster manager may still be a host's contact, which only the directory says: it is asked once in
    /// the turn, whether the command is typed as the menu has it or in one's own words (the exact command used to be
    /// worked out twice in a turn).
    /// </summary>
    [Theory]
    [InlineData("candidaturas pendentes", "pt")]
    [InlineData("tenho candidaturas para aprovar?", "pt")]
    [InlineData("approvazioni in sospeso per favore", "it")]
    [InlineData("pending approvals", "en")]
    [InlineData(" /Aprovações Pendentes ", "pt")]
    public async Task OnTurnAsync_NoManagerAsksForApprovals_SaysItIsForClusterManagersAndOpensNoForm(string typed, string language)
    {
        var directory = new Mock<IPartnerDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var conversation = Host(manager: false, coordinator: true, directory.Object);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(language, null).OnlyForClusterManagers)
            .AssertReply(r => Assert.Contains(ConversationTexts.Resolve(language, null).HelpTitle, CardJson.Texts(r.Attachments![0].Content!.Value)), "the help card")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(roleJourney.Starts);
        Assert.Empty(applyJourney.Starts);
        directory.Verify(d => d.ListAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("avanzamento degli scambi", "it")]
    [InlineData("how many exchanges so far?", "en")]
    [InlineData("descargar los intercambios en csv", "es")]
    public async Task OnTurnAsync_NoCoordinatorAsksForProgressOrExport_SaysItIsForCoordinatorsAndOpensNoForm(string typed, string language)
    {
        var conversation = Host(manager: true, coordinator: false);
        await conversation.SeedProfileAsync(language);

        await conversation.Flow()
            .Send(typed)
            .AssertReply(ConversationTexts.Resolve(language, null).OnlyForCoordinators)
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(roleJourney.Starts);
        Assert.Empty(applyJourney.Starts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OnTurnAsync_ApplyForAnExchange_TheFormForEveryone(bool roles)
    {
        var conversation = Host(manager: roles, coordinator: roles);
        await conversation.SeedProfileAsync("en");
        conversation.Recognizer.Recognized["I want to apply for an exchange"] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty);

        await conversation.Flow()
            .Send("I want to apply for an exchange")
            .AssertReply("journey test.apply")
            .StartTestAsync();

        Assert.Single(applyJourney.Starts);
        Assert.Empty(roleJourney.Starts);
    }

    /// <summary>The coordinator's help card lists "stuck applications" in their language, and that command starts it.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task OnTurnAsync_CoordinatorHelp_ListsStuckApplicationsWhichStartsIt(string language)
    {
        var conversation = Host(manager: false, coordinator: true);
        await conversation.SeedProfileAsync(language);
        var stuck = ExchangeTexts.Resolve(language).StuckCommands[0];
        var description = ConversationTexts.Resolve(language, null).HelpCommandStuckApplications;

        await conversation.Flow()
            .Send(ConversationTexts.Resolve(language, null).HelpWord)
            .AssertReply(reply =>
            {
                var card = Assert.Single(reply.Attachments!).Content!.Value;
                Assert.Contains($"**{stuck}**: {description}", Strings(card));
            })
            .Send(stuck)
            .AssertReply("journey test.roles")
            .StartTestAsync();

        Assert.Equal(stuck, Assert.Single(roleJourney.Starts).Text);
    }

    [Fact]
    public async Task OnTurnAsync_ParticipantHelp_DoesNotListStuckApplications()
    {
        var conversation = Host(manager: true, coordinator: false);
        await conversation.SeedProfileAsync("en");

        await conversation.Flow()
            .Send("help")
            .AssertReply(reply => Assert.DoesNotContain("stuck applications", Assert.Single(reply.Attachments!).Content!.Value.GetRawText(), StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("I want to apply for an exchange in Italy", "en")]
    [InlineData("quero candidatar-me a um intercâmbio em Itália", "pt")]
    [InlineData("quiero solicitar un intercambio en Italia", "es")]
    [InlineData("voglio candidarmi per uno scambio in Italia", "it")]
    [InlineData("İtalya'da bir değişime başvurmak istiyorum", "tr")]
    [InlineData("chci požádat o výměnu v Itálii", "cs")]
    public async Task OnTurnAsync_ARequestToApplyInTheSixLanguages_StillOpensTheApplicationNotTheRules(string typed, string language)
    {
        var conversation = Host(manager: false, coordinator: false);
        await conversation.SeedProfileAsync(language);
        conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty);

        await conversation.Flow()
            .Send(typed)
            .AssertReply("journey test.apply")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Single(applyJourney.Starts);
        Assert.Equal([typed], conversation.Recognizer.Texts);
    }

    [Fact]
    public async Task OnTurnAsync_ParticipantAsksForANewSession_IsTheRecognizersNotARefusal()
    {
        var conversation = Host(manager: false, coordinator: false);
        await conversation.SeedProfileAsync("en");

        await conversation.Flow()
            .Send("create a new session")
            .AssertReplyContains("Sorry, I didn't understand")
            .StartTestAsync();

        Assert.Equal(["create a new session"], conversation.Recognizer.Texts);
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>
    /// A role command typed in a group chat by someone without the role: the refusal and the help card went to the whole
    /// group. Now both go to the person's 1:1 chat, as a personal journey asked for there does, and the group gets one
    /// line that mentions them — nothing about the command or the roles.
    /// </summary>
    [Theory]
    [InlineData("pending approvals", "en")]
    [InlineData("tenho candidaturas para aprovar?", "pt")]
    [InlineData("exportar intercambios", "es")]
    [InlineData("avanzamento scambi", "it")]
    [InlineData("bekleyen onaylar", "tr")]
    [InlineData("postup výměn", "cs")]
    public async Task OnTurnAsync_RoleCommandRefusedInAGroup_GoesToTheOneToOneChatAndTheGroupGetsAMention(string typed, string language)
    {
        var conversation = await ParticipantAsync(language, ProactiveSendStatus.Sent);
        var texts = ConversationTexts.Resolve(language, null);

        await conversation.Flow()
            .Send(InGroup(typed))
            .AssertReply(reply => AssertOnlyAMention(reply, texts.RoleRefusalSentPrivately))
            .AssertNoReply()
            .StartTestAsync();

        var sent = Assert.Single(privateSends);
        Assert.Contains(sent.Text, new[] { texts.OnlyForClusterManagers, texts.OnlyForCoordinators });
        Assert.Contains(texts.HelpTitle, CardJson.Texts(Assert.Single(sent.Attachments!).Content!.Value));
        Assert.Empty(roleJourney.Starts);
        Assert.Empty(applyJourney.Starts);
    }

    /// <summary>No 1:1 chat reachable: the group gets the mention and that the command is not available — whose it is, not said.</summary>
    [Theory]
    [InlineData(ProactiveSendStatus.NoReference)]
    [InlineData(ProactiveSendStatus.Blocked)]
    public async Task OnTurnAsync_RoleCommandRefusedInAGroup_NoOneToOneChat_AMentionWithoutTheRoles(ProactiveSendStatus status)
    {
        var conversation = await ParticipantAsync("en", status);
        var request = InGroup("stuck applications");
        request.Recipient = new ChannelAccount { Id = "28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31", Name = "HiTechTex" };

        await conversation.Flow()
            .Send(request)
            .AssertReply(reply =>
            {
                AssertOnlyAMention(reply, $"{ConversationTexts.En.RoleCommandNotForYou} [Open a chat with me](https://teams.microsoft.com/l/chat/0/0?users=28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31)");
                Assert.DoesNotContain("coordinator", reply.Text, StringComparison.OrdinalIgnoreCase);
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(roleJourney.Starts);
    }

    [Fact]
    public void RoleCommandNotForYou_SaysToTypeHelpInEveryLanguage()
    {
        Assert.All(ConversationTexts.All, t => Assert.Contains($"\"{t.HelpWord}\"", t.RoleCommandNotForYou, StringComparison.Ordinal));
    }

    /// <summary>
    /// The progress card's "Stuck applications" and the stuck list's "Retry now" clicked by someone who is no coordinator
    /// got a bare "Only the programme coordinator can do this." Now the same refusal as the typed command: whom it is for,
    /// what they can do instead, and the help card — and nothing of the exchange journey runs; the coordinator's click
    /// reaches it.
    /// </summary>
    [Theory]
    [InlineData("en", ExchangeVerbs.Stuck, false)]
    [InlineData("en", ExchangeVerbs.RetryDelivery, false)]
    [InlineData("pt", ExchangeVerbs.RetryDelivery, false)]
    [InlineData("es", ExchangeVerbs.Stuck, false)]
    [InlineData("it", ExchangeVerbs.RetryDelivery, false)]
    [InlineData("tr", ExchangeVerbs.Stuck, false)]
    [InlineData("cs", ExchangeVerbs.RetryDelivery, false)]
    [InlineData("en", ExchangeVerbs.Stuck, true)]
    [InlineData("en", ExchangeVerbs.RetryDelivery, true)]
    public async Task OnTurnAsync_CoordinatorButton_RefusedToAParticipantWithTheHelpCard_TheCoordinatorsJourney(string language, string action, bool coordinator)
    {
        var conversation = Host(manager: true, coordinator);
        await conversation.SeedProfileAsync(language);
        var texts = ConversationTexts.Resolve(language, null);

        var flow = conversation.Flow().Send(() => ButtonClick(conversation, action));
        flow = coordinator
            ? flow.AssertReply("journey test.exchangeButtons")
            : flow.AssertReply(texts.OnlyForCoordinators)
                .AssertReply(r => Assert.Contains(texts.HelpTitle, CardJson.Texts(Assert.Single(r.Attachments!).Content!.Value)), "the help card");
        await flow.AssertNoReply().StartTestAsync();

        Assert.Equal(coordinator ? [action] : [], exchangeButtons.Starts.Select(s => s.CardAction));
    }

    /// <summary>
    /// Only coordinators are sent the cards with "Stuck applications" and "Retry now": a click by anybody else is a forged
    /// or forwarded card, logged as a warning (1535, who clicked what) — not as information like a role command typed by
    /// someone without the role (1533), which stays so. The refusal they see is the same.
    /// </summary>
    [Theory]
    [InlineData(ExchangeVerbs.Stuck, false)]
    [InlineData(ExchangeVerbs.RetryDelivery, false)]
    [InlineData(ExchangeVerbs.RetryDelivery, true)]
    public async Task OnTurnAsync_CoordinatorButtonByAParticipant_LoggedAsAWarning(string action, bool inGroupWithoutProfile)
    {
        var conversation = await ParticipantAsync(inGroupWithoutProfile ? null : "en", ProactiveSendStatus.Sent);

        var flow = conversation.Flow();
        flow = inGroupWithoutProfile
            ? flow.Send(() => InGroup(ButtonClick(conversation, action)))
                .AssertReply(reply => AssertOnlyAMention(reply, ConversationTexts.En.RoleRefusalSentPrivately))
            : flow.Send(() => ButtonClick(conversation, action))
                .AssertReply(ConversationTexts.En.OnlyForCoordinators)
                .AssertReply(r => Assert.Contains(ConversationTexts.En.HelpTitle, CardJson.Texts(Assert.Single(r.Attachments!).Content!.Value)), "the help card");
        await flow.AssertNoReply().StartTestAsync();

        var warning = Assert.Single(logs.Entries, e => e.EventId == 1535);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(action, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 1533);
        Assert.Empty(exchangeButtons.Starts);
    }

    /// <summary>A coordinator's command typed by someone without the role is still information (1533): no warning.</summary>
    [Fact]
    public async Task OnTurnAsync_CoordinatorCommandTypedByAParticipant_LoggedAsInformation()
    {
        var conversation = await ParticipantAsync("en", ProactiveSendStatus.Sent);

        await conversation.Flow()
            .Send(ExchangeTexts.English.StuckCommands[0])
            .AssertReply(ConversationTexts.En.OnlyForCoordinators)
            .AssertReply(r => Assert.Contains(ConversationTexts.En.HelpTitle, CardJson.Texts(Assert.Single(r.Attachments!).Content!.Value)), "the help card")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(LogLevel.Information, Assert.Single(logs.Entries, e => e.EventId == 1533).Level);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 1535);
    }

    /// <summary>"Retry now" clicked in a group by a participant, with a profile or none yet: the refusal goes to their 1:1 chat.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OnTurnAsync_RetryClickedByAParticipantInAGroup_TheRefusalGoesToTheOneToOneChat(bool profile)
    {
        var conversation = await ParticipantAsync(profile ? "en" : null, ProactiveSendStatus.Sent);

        await conversation.Flow()
            .Send(() => InGroup(ButtonClick(conversation, ExchangeVerbs.RetryDelivery)))
            .AssertReply(reply => AssertOnlyAMention(reply, ConversationTexts.En.RoleRefusalSentPrivately))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(ConversationTexts.En.OnlyForCoordinators, Assert.Single(privateSends).Text);
        Assert.Empty(exchangeButtons.Starts);
        Assert.Equal(profile, await conversation.ReadProfileAsync() is not null);
    }

    /// <summary>A host for someone with no role, with a profile in <paramref name="language"/> (none for null), whose 1:1 chat answers <paramref name="delivery"/>.</summary>
    private async Task<ConversationTestHost> ParticipantAsync(string? language, ProactiveSendStatus delivery)
    {
        var conversation = Host(manager: false, coordinator: false);
        if (language is not null)
        {
            await conversation.SeedProfileAsync(language);
        }

        messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, _, activity, _) => privateSends.Add(activity))
            .ReturnsAsync(delivery == ProactiveSendStatus.Sent ? new ProactiveSendResult(delivery, "a:ana-1to1", "1") : new ProactiveSendResult(delivery));
        return conversation;
    }

    /// <summary>A click of a coordinator's button of the exchange journey (the stuck list's Retry now carries its application and round).</summary>
    private static Activity ButtonClick(ConversationTestHost conversation, string action) =>
        conversation.Submit(new { action, exchangeId = Guid.NewGuid().ToString("D"), round = "0" });

    /// <summary>The group's line: a mention of the sender, then <paramref name="text"/>, and no card.</summary>
    private static void AssertOnlyAMention(Activity reply, string text)
    {
        Assert.Equal($"<at>Ana</at> {text}", reply.Text);
        Assert.True(Assert.Single(reply.Entities!).IsMention);
        Assert.Null(reply.Attachments);
    }

    private static Activity InGroup(string text) => InGroup(new Activity { Type = ActivityTypes.Message, Text = text });

    private static Activity InGroup(Activity activity)
    {
        activity.Conversation = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" };
        return activity;
    }

    private ConversationTestHost Host(bool manager, bool coordinator, IPartnerDirectory? directory = null)
    {
        var configuration = new Dictionary<string, string?>();
        if (manager)
        {
            configuration[$"Roles:ClusterManagers:{User}:0"] = "hitechtex-citeve";
        }

        if (coordinator)
        {
            configuration["Roles:Coordinators:0"] = User;
        }

        host = new ConversationTestHost(configuration: configuration, configureServices: services =>
        {
            services.AddSingleton<IJourney>(roleJourney);
            services.AddSingleton<IJourney>(applyJourney);
            services.AddSingleton<IJourney>(exchangeButtons);
            services.AddSingleton(messenger.Object);
            services.AddSingleton<ILoggerProvider>(logs);
            if (directory is not null)
            {
                services.AddSingleton(directory);
            }
        });
        return host;
    }

    /// <summary>A journey that records how it was started and says so.</summary>
    private sealed class RecordingJourney(string id, IReadOnlyCollection<Intent> intents, IReadOnlyCollection<string> commands, IReadOnlyCollection<string>? cardActions = null) : IJourney
    {
        public List<JourneyStart> Starts { get; } = [];

        public Dialog Dialog => field ??= new StartDialog(id, Starts);

        public IReadOnlyCollection<Intent> Intents => intents;

        public IReadOnlyCollection<string> CardActions { get; } = cardActions ?? [];

        public IReadOnlyCollection<string> Commands { get; } = [.. commands.Distinct(StringComparer.Ordinal)];

        public bool AnswersInOneTurn => true;

        private sealed class StartDialog(string id, List<JourneyStart> starts) : Dialog(id)
        {
            public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
            {
                starts.Add(Assert.IsType<JourneyStart>(options));
                await dc.Context.SendActivityAsync($"journey {Id}", cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }
        }
    }
}
