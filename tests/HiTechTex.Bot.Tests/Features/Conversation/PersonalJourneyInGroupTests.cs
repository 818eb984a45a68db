using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A personal journey (applications, bookings, one's own lists) asked for in a group chat or a channel goes to the
/// person's 1:1 chat: a card there whose button asks again, a mention in the group; a shared one (the directory)
/// is answered in the group.
/// </summary>
public sealed class PersonalJourneyInGroupTests : IDisposable
{
    private const string AnaAad = "00000000-0000-0000-0000-000000000001";
    private const string Tenant = "tenant-1";

    private readonly RecordingJourney apply = new("test.apply", [Intent.ApplyForExchange], ["applyExchange"], ["apply"], personal: true);
    private readonly RecordingJourney partners = new("test.partners", [Intent.FindPartners], ["partners.detail"], [], personal: false);
    private readonly Mock<IProactiveMessenger> messenger = new(MockBehavior.Strict);
    private readonly List<(string Aad, string Tenant, Activity Activity)> privateSends = [];
    private readonly ConversationTestHost host;
    private readonly ConversationAccount group = new() { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = Tenant };

    public PersonalJourneyInGroupTests()
    {
        host = new ConversationTestHost(configureServices: services =>
        {
            services.AddSingleton<IJourney>(apply);
            services.AddSingleton<IJourney>(partners);
            services.AddSingleton(messenger.Object);
        });
        DeliverPrivately(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:ana-1to1", "1"));
        host.Recognizer.Recognized["apply for an exchange in Italy"] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty with { Country = "IT" });
        host.Recognizer.Recognized["partners in Italy"] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty with { Country = "IT" });
    }

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task TypedInAGroup_PersonalJourney_GoesToTheOneToOneChatAndTheGroupIsToldWithAMention()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(InGroup("apply for an exchange in Italy"))
            .AssertReply(reply =>
            {
                Assert.Equal("<at>Ana</at> I've sent you a private message to continue there: applications, bookings and your own lists stay between us.", reply.Text);
                var mention = Assert.Single(reply.Entities!);
                Assert.True(mention.IsMention);
                Assert.Equal("<at>Ana</at>", mention.Text);
                Assert.Equal("29:user-1", mention.Mentioned?.Id);
                Assert.Null(reply.Attachments);
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(apply.Starts);
        var sent = Assert.Single(privateSends);
        Assert.Equal((AnaAad, Tenant), (sent.Aad, sent.Tenant));
        var card = Assert.Single(sent.Activity.Attachments!).Content!.Value;
        Assert.Equal("Let's continue here", card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("apply for an exchange in Italy", card.GetProperty("body")[2].GetProperty("inlines")[0].GetProperty("text").GetString());
        var data = ButtonData(sent.Activity);
        Assert.Equal("continuePrivately", data.GetProperty("action").GetString());
        Assert.Equal("apply for an exchange in Italy", data.GetProperty("text").GetString());

        // Nothing waits in the group for Ana: the group's stack for her is empty.
        var stack = await host.Storage.ReadAsync(["msteams/conversations/19:group-1@thread.v2/users/29:user-1"]);
        Assert.DoesNotContain("test.apply", stack.Values.SingleOrDefault()?.Value.GetRawText() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ButtonInTheOneToOneChat_StartsTheJourneyAsIfTheRequestWasTypedThere()
    {
        await host.SeedProfileAsync("en");
        await host.Flow().Send(InGroup("apply for an exchange in Italy")).AssertReplyContains("private message").StartTestAsync();

        await host.Flow()
            .Send(() => Personal(host.Submit(ButtonData(Assert.Single(privateSends).Activity))))
            .AssertReply("journey started")
            .AssertNoReply()
            .StartTestAsync();

        var start = Assert.Single(apply.Starts);
        Assert.Equal(Intent.ApplyForExchange, start.Intent);
        Assert.Equal("apply for an exchange in Italy", start.Text);
        Assert.Equal("IT", start.Entities.Country);
        Assert.Null(start.CardAction);
    }

    [Fact]
    public async Task CardButtonInAGroup_TheOneToOneCardCarriesTheSameDataAndStartsTheJourneyWithIt()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => InGroup(host.Submit(new { action = "applyExchange", from = "welcome" })))
            .AssertReplyContains("I've sent you a private message")
            .AssertNoReply()
            .StartTestAsync();
        Assert.Empty(apply.Starts);
        var data = ButtonData(Assert.Single(privateSends).Activity);
        Assert.Equal("""{"action":"applyExchange","from":"welcome"}""", data.GetRawText());

        await host.Flow().Send(() => Personal(host.Submit(data))).AssertReply("journey started").StartTestAsync();
        var start = Assert.Single(apply.Starts);
        Assert.Equal("applyExchange", start.CardAction);
        Assert.Equal("welcome", start.CardData?.GetProperty("from").GetString());
    }

    [Fact]
    public async Task TypedCommandInAGroup_AlsoGoesPrivate()
    {
        await host.SeedProfileAsync("en");

        await host.Flow().Send(InGroup("Apply")).AssertReplyContains("private message").AssertNoReply().StartTestAsync();

        Assert.Empty(apply.Starts);
        Assert.Equal("Apply", ButtonData(Assert.Single(privateSends).Activity).GetProperty("text").GetString());
    }

    [Fact]
    public async Task NewUserInAGroup_IsNotAskedForTheProfileThere_TheOneToOneChatAsksAndThenStartsTheJourney()
    {
        await host.Flow()
            .Send(InGroup("apply for an exchange in Italy"))
            .AssertReplyContains("<at>Ana</at> I've sent you a private message")
            .AssertNoReply()
            .StartTestAsync();
        Assert.Null(await host.ReadProfileAsync());

        await host.Flow()
            .Send(() => Personal(host.Submit(ButtonData(Assert.Single(privateSends).Activity))))
            .AssertReplyContains("Shall I call you Ana?")
            .Send(Personal("yes"))
            .AssertReply("Which organisation do you work for?")
            .Send(Personal("CITEVE"))
            .AssertReplyContains("Which language")
            .Send(Personal("English"))
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertReply("journey started")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal("apply for an exchange in Italy", Assert.Single(apply.Starts).Text);
    }

    [Fact]
    public async Task SharedJourneyInAGroup_IsAnsweredInTheGroup()
    {
        await host.SeedProfileAsync("en");

        await host.Flow().Send(InGroup("partners in Italy")).AssertReply("<at>Ana</at> journey started").AssertNoReply().StartTestAsync();

        Assert.Equal("partners in Italy", Assert.Single(partners.Starts).Text);
        Assert.Empty(privateSends);
    }

    [Fact]
    public async Task NewUserAsksASharedThingInAGroup_ProfileThereThenTheAnswer_UnderstoodOnce()
    {
        await host.Flow()
            .Send(InGroup("partners in Italy"))
            .AssertReplyContains("Shall I call you Ana?")
            .Send(InGroup("yes"))
            .AssertReplyContains("Which organisation do you work for?")
            .Send(InGroup("CITEVE"))
            .AssertReplyContains("Which language")
            .Send(InGroup("English"))
            .AssertReply("Thanks, Ana! Your profile is saved.")
            .AssertReply("<at>Ana</at> journey started")
            .AssertNoReply()
            .StartTestAsync();

        var start = Assert.Single(partners.Starts);
        Assert.Equal(("partners in Italy", "IT"), (start.Text, start.Entities.Country));
        // One recognizer call (an Azure OpenAI request when configured) for that message, not one per step.
        Assert.Single(host.Recognizer.Texts, t => t == "partners in Italy");
        Assert.Empty(privateSends);
    }

    /// <summary>
    /// Someone with no profile who clicked a button of another member's shared card in a group (the directory's
    /// results) was asked the first-use questions there: now the click is judged on its own, as anyone's — the shared
    /// card's action runs, nothing is asked, and no profile is made.
    /// </summary>
    [Fact]
    public async Task NewUserClicksASharedCardsButtonInAGroup_TheActionRuns_NoFirstUseQuestions()
    {
        var click = InGroup(host.Submit(new { action = "partners.detail", id = "citeve" }));

        await host.Flow()
            .Send(click)
            .AssertReply("<at>Ana</at> journey started")
            .AssertNoReply()
            .StartTestAsync();

        var start = Assert.Single(partners.Starts);
        Assert.Equal("partners.detail", start.CardAction);
        Assert.Equal("citeve", start.CardData?.GetProperty("id").GetString());
        Assert.Null(await host.ReadProfileAsync());
        Assert.Empty(privateSends);
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("pt-PT", "pt")]
    [InlineData("es-ES", "es")]
    [InlineData("it-IT", "it")]
    [InlineData("tr-TR", "tr")]
    [InlineData("cs-CZ", "cs")]
    public async Task NewUserClicksAButtonNoFeatureTakes_InAGroup_ToldItIsSomeoneElses_NoFirstUseQuestions(string locale, string language)
    {
        // The menu button of another member's help card, an old card's button: the answer a question's button gets.
        host.Adapter.Locale = locale;
        var click = InGroup(host.Submit(new { action = "welcome" }));

        await host.Flow()
            .Send(click)
            .AssertReply(reply => Assert.EndsWith(ConversationTexts.For(language).ButtonNotForYou("Bot"), reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(partners.Starts);
        Assert.Empty(apply.Starts);
        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task NewUserClicksAPersonalButtonInAGroup_GoesToTheOneToOneChatAsAnyonesDoes()
    {
        var click = InGroup(host.Submit(new { action = "applyExchange" }));

        await host.Flow()
            .Send(click)
            .AssertReply(reply => Assert.Contains("I've sent you a private message", reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(apply.Starts);
        Assert.Single(privateSends);
        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task PersonalJourneyInTheOneToOneChat_StartsThere()
    {
        await host.SeedProfileAsync("en");

        await host.Flow().Send(Personal("apply for an exchange in Italy")).AssertReply("journey started").AssertNoReply().StartTestAsync();

        Assert.Single(apply.Starts);
        Assert.Empty(privateSends);
    }

    [Theory]
    [InlineData(ProactiveSendStatus.NoReference)]
    [InlineData(ProactiveSendStatus.Blocked)]
    public async Task NoOneToOneChatReachable_TheGroupIsToldToStartOneAndNothingStarts(ProactiveSendStatus status)
    {
        await host.SeedProfileAsync("en");
        DeliverPrivately(new ProactiveSendResult(status));

        await host.Flow()
            .Send(InGroup("apply for an exchange in Italy"))
            .AssertReply(reply =>
            {
                Assert.StartsWith("<at>Ana</at> This is personal, so let's do it in a private chat, but I couldn't open one with you.", reply.Text, StringComparison.Ordinal);
                Assert.Equal("<at>Ana</at>", Assert.Single(reply.Entities!).Text);
            })
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(apply.Starts);
    }

    public static TheoryData<Exception> SendFailures() =>
    [
        new ConnectorException(System.Net.HttpStatusCode.BadGateway, null, "CreateConversation failed with 502"),
        new HttpRequestException("Connection refused (127.0.0.1:9)"),
        new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"),
    ];

    [Theory]
    [MemberData(nameof(SendFailures))]
    public async Task PrivateSendFails_TheGroupIsToldPolitelyAndNothingStarts(Exception failure)
    {
        await host.SeedProfileAsync("en");
        messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

        await host.Flow()
            .Send(InGroup("apply for an exchange in Italy"))
            .AssertReplyContains("I couldn't open one with you")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(apply.Starts);
    }

    [Fact]
    public async Task NoOneToOneChatReachable_TheNoteLinksToAChatWithTheBot()
    {
        await host.SeedProfileAsync("pt");
        DeliverPrivately(new ProactiveSendResult(ProactiveSendStatus.NoReference));
        var request = InGroup("apply for an exchange in Italy");
        request.Recipient = new ChannelAccount { Id = "28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31", Name = "HiTechTex" };

        await host.Flow()
            .Send(request)
            .AssertReply(reply => Assert.EndsWith(
                "[Abrir um chat comigo](https://teams.microsoft.com/l/chat/0/0?users=28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31)", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31", "https://teams.microsoft.com/l/chat/0/0?users=28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31")]
    [InlineData("28:bot", null)]
    [InlineData("28:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31)[x](https://evil.example", null)]
    [InlineData("29:6f1c2a9e-3b7d-4c1e-9a55-0d2f4e8b7c31", null)]
    [InlineData(null, null)]
    public void PrivateChatLink_OnlyForATeamsBotIdThatIsAnAppId(string? botId, string? expected)
    {
        Assert.Equal(expected, MainDialog.PrivateChatLink(botId));
    }

    [Fact]
    public async Task SenderWithoutEntraId_CannotBeReachedPrivately_IsToldSoWithoutASendAttempt()
    {
        await host.SeedProfileAsync("en");
        var guest = InGroup("apply for an exchange in Italy");
        guest.From = new ChannelAccount { Id = "29:user-1", Name = "Ana" };

        await host.Flow().Send(guest).AssertReplyContains("I couldn't open one with you").StartTestAsync();

        messenger.Verify(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(apply.Starts);
    }

    [Fact]
    public async Task ForgedReplayWithoutText_IsAnEmptyRequest_TheMenu()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send(() => Personal(host.Submit(new { action = "continuePrivately", text = 42 })))
            .AssertReply(reply => Assert.Single(reply.Attachments!))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(apply.Starts);
        Assert.Empty(partners.Starts);
    }

    [Fact]
    public async Task LongTypedRequest_IsCarriedCutToTheLimit()
    {
        await host.SeedProfileAsync("en");
        var longRequest = "apply " + new string('x', 2000);
        host.Recognizer.Recognized[longRequest] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty);

        await host.Flow().Send(InGroup(longRequest)).AssertReplyContains("private message").StartTestAsync();

        var text = ButtonData(Assert.Single(privateSends).Activity).GetProperty("text").GetString();
        Assert.Equal(longRequest[..MainDialog.MaxReplayedText], text);
    }

    private void DeliverPrivately(ProactiveSendResult result) =>
        messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((aad, tenant, activity, _) => privateSends.Add((aad, tenant, activity)))
            .ReturnsAsync(result);

    private static JsonElement ButtonData(Activity message)
    {
        var card = Assert.Single(message.Attachments!).Content!.Value;
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.Submit", action.GetProperty("type").GetString());
        return action.GetProperty("data").Clone();
    }

    private Activity InGroup(string text) => InGroup(new Activity { Type = ActivityTypes.Message, Text = text });

    private Activity InGroup(Activity activity)
    {
        activity.Conversation = group;
        return activity;
    }

    private static Activity Personal(string text) => Personal(new Activity { Type = ActivityTypes.Message, Text = text });

    private static Activity Personal(Activity activity)
    {
        activity.Conversation = new ConversationAccount { Id = "a:ana-1to1", ConversationType = "personal", TenantId = Tenant };
        return activity;
    }

    private sealed class RecordingJourney(string id, IReadOnlyCollection<Intent> intents, IReadOnlyCollection<string> actions, IReadOnlyCollection<string> commands, bool personal) : IJourney
    {
        public List<JourneyStart> Starts { get; } = [];

        public Dialog Dialog => field ??= new StartDialog(id, Starts);

        public IReadOnlyCollection<Intent> Intents => intents;

        public IReadOnlyCollection<string> CardActions => actions;

        public IReadOnlyCollection<string> Commands => commands;

        public bool IsPersonal(JourneyStart start) => personal;

        private sealed class StartDialog(string id, List<JourneyStart> starts) : Dialog(id)
        {
            public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
            {
                starts.Add(Assert.IsType<JourneyStart>(options));
                await dc.Context.SendActivityAsync("journey started", cancellationToken);
                return await dc.EndDialogAsync(null, cancellationToken);
            }
        }
    }
}
