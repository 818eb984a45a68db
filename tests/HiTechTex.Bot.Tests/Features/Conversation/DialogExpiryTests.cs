using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>An unfinished dialog left for longer than <c>Conversation:DialogExpiry</c> is dropped, and the user told.</summary>
public sealed class DialogExpiryTests : IDisposable
{
    private const string ConversationKey = "msteams/conversations/a:conversation-1";
    private const string Expired = "It's been a while since your last answer, so I've closed what we were doing. Let's start afresh.";
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.Zero));
    private ConversationTestHost? host;

    public void Dispose() => host?.Dispose();

    [Fact]
    public async Task Message_AfterTheExpiry_IsHandledAfreshAndTheUserIsTold()
    {
        var bot = Host();

        await bot.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Do(Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)))
            // "yes" would have answered the week-old question; now it is a new message, so the profile starts over.
            .Send("yes")
            .AssertReply(Expired)
            .AssertReplyContains("Shall I call you Ana?")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_StoredLastActiveThisBuildCannotRead_AnswersTheWaitingQuestionAndStampsItAgain()
    {
        // A stamp of another JSON type (a newer build's, or edited by hand) failed every message of the conversation.
        var bot = Host();
        await bot.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();
        var stored = (await bot.Storage.ReadAsync([ConversationKey]))[ConversationKey];
        var changed = System.Text.Json.Nodes.JsonNode.Parse(stored.Value.GetRawText())!.AsObject();
        changed["lastActive"] = 1_700_000_000;
        await bot.Storage.WriteAsync(new Dictionary<string, Protocol.State.StoreItem>
        {
            [ConversationKey] = new(JsonSerializer.SerializeToElement(changed), stored.ETag),
        });

        await bot.Flow()
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .AssertNoReply()
            .StartTestAsync();

        var stamp = (await bot.Storage.ReadAsync([ConversationKey]))[ConversationKey].Value.GetProperty("lastActive");
        Assert.Equal(time.GetUtcNow(), stamp.GetDateTimeOffset());
    }

    [Fact]
    public async Task Message_WithinTheExpiry_AnswersTheWaitingQuestion()
    {
        var bot = Host();

        await bot.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Do(Advance(TimeSpan.FromDays(6)))
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Do(Advance(TimeSpan.FromDays(6)))   // every answer restarts the clock
            .Send("CITEVE")
            .AssertReplyContains("Which language")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_ExpiryZero_KeepsTheDialogForever()
    {
        var bot = Host(new Dictionary<string, string?> { ["Conversation:DialogExpiry"] = "00:00:00" });

        await bot.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Do(Advance(TimeSpan.FromDays(400)))
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .StartTestAsync();
    }

    [Fact]
    public async Task Turn_NothingWaiting_StoresNoTimestamp()
    {
        var bot = Host();
        await bot.SeedProfileAsync("en");

        await bot.Flow().Send("blah").AssertReplyContains("Sorry").StartTestAsync();
        var idle = (await bot.Storage.ReadAsync([ConversationKey]))[ConversationKey].Value;
        Assert.False(idle.TryGetProperty("lastActive", out _), idle.GetRawText());

    }

    [Fact]
    public async Task Turn_QuestionWaiting_StoresThisTurnsTime()
    {
        var bot = Host();

        await bot.Flow().Send("hello").AssertReplyContains("Shall I call you Ana?").StartTestAsync();

        var stored = (await bot.Storage.ReadAsync([ConversationKey]))[ConversationKey].Value;
        Assert.Equal(time.GetUtcNow(), stored.GetProperty("lastActive").GetDateTimeOffset());
    }

    /// <summary>
    /// An event the user did not send (an installationUpdate, a member joining, a reaction, typing) is not their answer:
    /// before, one that came in after the expiry dropped the dialog silently, and the user's next message was then taken
    /// as a new request without "It's been a while…". Now the dialog waits untouched for the user's next message.
    /// </summary>
    [Theory]
    [MemberData(nameof(Events))]
    public async Task Event_AfterTheExpiry_LeavesTheDialogToTheNextMessageWhichIsToldItExpired(string kind)
    {
        var bot = Host();
        await bot.Flow().Send("hello").AssertReplyContains("Shall I call you Ana?").StartTestAsync();
        var asked = time.GetUtcNow();
        time.Advance(TimeSpan.FromDays(8));

        await bot.Flow().Send(Event(kind)).AssertNoReply().StartTestAsync();

        var stored = (await bot.Storage.ReadAsync([ConversationKey]))[ConversationKey].Value;
        Assert.Equal(asked, stored.GetProperty("lastActive").GetDateTimeOffset());
        Assert.Equal(1, stored.GetProperty("dialogState").GetProperty("dialogStack").GetArrayLength());
        await bot.Flow()
            .Send("yes")
            .AssertReply(Expired)
            .AssertReplyContains("Shall I call you Ana?")
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>Before: an event within the expiry stamped the waiting dialog anew, so it outlived the expiry though the user did nothing.</summary>
    [Theory]
    [MemberData(nameof(Events))]
    public async Task Event_WithinTheExpiry_DoesNotRestartTheClock(string kind)
    {
        var bot = Host();

        await bot.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Do(Advance(TimeSpan.FromDays(6)))
            .Send(Event(kind))
            .AssertNoReply()
            .Do(Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)))   // 7 days and a minute after the question
            .Send("yes")
            .AssertReply(Expired)
            .AssertReplyContains("Shall I call you Ana?")
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>A menu button clicked after the expiry (as an Action.Execute or an Action.Submit) is a new request, run afresh as a message is — after the notice.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MenuButton_AfterTheExpiry_IsToldItExpired_ThenRunAfresh(bool execute)
    {
        var bot = Host();
        var texts = ConversationTexts.En;
        var data = JsonSerializer.SerializeToElement(new { action = "findPartners" });

        var flow = bot.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Do(Advance(TimeSpan.FromDays(8)))
            .Send(() => execute ? bot.Adapter.MakeExecute("menu", data) : bot.Adapter.MakeSubmit(data))
            .AssertReply(texts.DialogExpired)
            .AssertReply(texts.ConfirmName("Ana"));
        if (execute)
        {
            flow = flow.AssertInvokeResponse(r => Assert.DoesNotContain(
                JsonSerializer.Serialize(texts.ClickExpired)[1..^1], JsonSerializer.Serialize(r!.Body), StringComparison.Ordinal));
        }

        await flow.AssertNoReply().StartTestAsync();
    }

    /// <summary>
    /// A form's click a week after its question: the chat says it expired, once, in the user's language; an
    /// Action.Execute's card says the click was not taken; nothing else is sent or kept, and the next message starts
    /// afresh with no second notice. Before: an Action.Execute click was run as a click of an ended form ("That button
    /// belongs to a question that is over…") and the chat never said the question had expired; an Action.Submit click
    /// (a message) got "It's been a while…" and then also "That button belongs to…" or "This form is no longer active…"
    /// with the menu — two notices saying different things.
    /// </summary>
    [Theory]
    [MemberData(nameof(FormClicks))]
    public async Task FormClick_AfterTheExpiry_IsToldItExpiredOnce_AndDoesNothingElse(string language, string locale, bool execute)
    {
        var bot = Host();
        bot.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);
        var data = JsonSerializer.SerializeToElement(new { formId = "form-1", organisation = "CITEVE" });

        var flow = bot.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Do(Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)))
            .Send(() => execute ? bot.Adapter.MakeExecute("submit", data) : bot.Adapter.MakeSubmit(data))
            .AssertReply(texts.DialogExpired);
        if (execute)
        {
            flow = flow.AssertInvokeResponse(r => Assert.Contains(
                JsonSerializer.Serialize(texts.ClickExpired)[1..^1], JsonSerializer.Serialize(r!.Body), StringComparison.Ordinal));
        }

        await flow.AssertNoReply().StartTestAsync();

        var stored = (await bot.Storage.ReadAsync([ConversationKey]))[ConversationKey].Value;
        Assert.False(stored.TryGetProperty("dialogState", out var dialogs) && dialogs.GetProperty("dialogStack").GetArrayLength() > 0, stored.GetRawText());
        Assert.False(stored.TryGetProperty("lastActive", out _), stored.GetRawText());
        await bot.Flow()
            .Send("yes")   // a new message: the first-use questions afresh, with no second notice
            .AssertReply(texts.ConfirmName("Ana"))
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>
    /// Someone with a profile whose question ("my profile") expired clicks a form's Action.Submit: before, "It's been a
    /// while…" was followed by "This form is no longer active…" and the menu; now that notice is the only reply, and the
    /// profile is unchanged.
    /// </summary>
    [Fact]
    public async Task FormClickAsAnActionSubmit_WithAProfile_AfterTheExpiry_OnlyTheExpiryNotice()
    {
        var bot = Host();
        await bot.SeedProfileAsync("en");
        var profile = await bot.ReadProfileAsync();

        await bot.Flow()
            .Send("my profile")
            .AssertReplyContains("Your profile:")
            .AssertReplyContains("Shall I call you Ana?")
            .Do(Advance(TimeSpan.FromDays(8)))
            .Send(() => bot.Adapter.MakeSubmit(JsonSerializer.SerializeToElement(new { formId = "form-1", name = "Bruno" })))
            .AssertReply(Expired)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(profile, await bot.ReadProfileAsync());
    }

    /// <summary>Each language with its client's locale, clicked as an Action.Execute (true) and as an Action.Submit (false).</summary>
    public static TheoryData<string, string, bool> FormClicks()
    {
        var clicks = new TheoryData<string, string, bool>();
        foreach (var (language, locale) in new[] { ("en", "en-GB"), ("pt", "pt-PT"), ("es", "es-ES"), ("it", "it-IT"), ("tr", "tr-TR"), ("cs", "cs-CZ") })
        {
            clicks.Add(language, locale, true);
            clicks.Add(language, locale, false);
        }

        return clicks;
    }

    public static TheoryData<string> Events() => ["installationUpdate add-upgrade", "conversationUpdate member added", "messageReaction", "typing"];

    private static Activity Event(string kind) => kind switch
    {
        "installationUpdate add-upgrade" => new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add-upgrade" },
        "conversationUpdate member added" => new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = "29:user-9", Name = "Bruno" }],
        },
        "messageReaction" => new Activity { Type = ActivityTypes.MessageReaction },
        _ => new Activity { Type = ActivityTypes.Typing },
    };

    [Theory]
    [InlineData("00:00:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("7.00:00:00", true)]
    [InlineData("00:30:00", false)]
    [InlineData("-1.00:00:00", false)]
    public void Validator_ZeroOrAtLeastAnHour(string expiry, bool valid)
    {
        var result = new ConversationOptionsValidator().Validate(null, new ConversationOptions { DialogExpiry = TimeSpan.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
    }

    private Func<Task> Advance(TimeSpan by) => () =>
    {
        time.Advance(by);
        return Task.CompletedTask;
    };

    private ConversationTestHost Host(IDictionary<string, string?>? configuration = null) =>
        host = new ConversationTestHost(configuration: configuration, configureServices: services => services.AddSingleton<TimeProvider>(time));
}
