using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Someone with no profile yet who clicked a question's button — another member's "Shall I call you Ana?" in a group
/// chat, an earlier card — was asked the first-use questions, in front of the group, by a click on somebody else's card.
/// Now the click is answered (the button is not theirs / the question is over, and how to start), nothing is started, and
/// the card's owner can still answer with it; the first-use questions start when the person writes to the bot.
/// </summary>
public sealed class ButtonBeforeProfileTests : IDisposable
{
    private static readonly ConversationAccount Group = new() { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };

    private static readonly ChannelAccount Bea = new() { Id = "29:user-2", Name = "Bea", AadObjectId = "00000000-0000-0000-0000-000000000002" };

    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    private Activity InGroup(string text, ChannelAccount? from = null) =>
        new() { Type = ActivityTypes.Message, Text = text, Conversation = Group, From = from, Locale = host.Adapter.Locale };

    private Activity ClickInGroup(JsonElement data, ChannelAccount from) =>
        new() { Type = ActivityTypes.Message, Value = data, Conversation = Group, From = from, Locale = host.Adapter.Locale };

    private static JsonElement FirstButton(Activity reply) =>
        reply.Attachments![0].Content!.Value.GetProperty("actions")[0].GetProperty("data").Clone();

    [Theory]
    [InlineData("en-US", "en", "hello")]
    [InlineData("pt-PT", "pt", "olá")]
    [InlineData("es-ES", "es", "hola")]
    [InlineData("it-IT", "it", "ciao")]
    [InlineData("tr-TR", "tr", "merhaba")]
    [InlineData("cs-CZ", "cs", "ahoj")]
    public async Task AnotherMembersQuestionButton_IsNotTheirs_AndStartsNothing(string locale, string language, string hello)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);
        JsonElement anasYes = default;

        await host.Flow()
            .Send(InGroup(hello))
            .AssertReply(reply =>
            {
                Assert.Contains(texts.ConfirmName("Ana"), reply.Text, StringComparison.Ordinal);
                anasYes = FirstButton(reply);
            })
            .Send(() => ClickInGroup(anasYes, Bea))                 // Bea, new here, clicks Ana's "Yes"
            .AssertReply(reply =>
            {
                Assert.Equal($"<at>Bea</at> {texts.ButtonNotForYou("Bot")}", reply.Text);
                var mention = Assert.Single(reply.Entities!, e => e.IsMention);
                Assert.Equal("<at>Bea</at>", mention.Text);
                Assert.Equal(Bea.Id, mention.Mentioned?.Id);
            })
            .AssertNoReply()                                        // no "Shall I call you Bea?"
            .Send(() => ClickInGroup(anasYes, Ana))                 // Ana's own click still answers her question
            .AssertReply(reply => Assert.Contains(texts.AskOrganisation, reply.Text, StringComparison.Ordinal))
            .Send(InGroup(hello, Bea))                              // Bea writes to the bot: now her first-use questions
            .AssertReply(reply => Assert.Contains(texts.ConfirmName("Bea"), reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());                // Ana's profile is not finished; nothing saved for anyone
    }

    private ChannelAccount Ana => host.Adapter.User;

    /// <summary>
    /// Someone with a profile who clicks another member's question button in a group was told "that button belongs to a
    /// question that is over" — it was not over, it was someone else's: now the answer says so (then the menu).
    /// </summary>
    [Theory]
    [InlineData("en-US", "en", "hello")]
    [InlineData("pt-PT", "pt", "olá")]
    [InlineData("es-ES", "es", "hola")]
    [InlineData("it-IT", "it", "ciao")]
    [InlineData("tr-TR", "tr", "merhaba")]
    [InlineData("cs-CZ", "cs", "ahoj")]
    public async Task AnotherMembersQuestionButton_ClickedBySomeoneWithAProfile_IsNotTheirs_ThenTheMenu(string locale, string language, string hello)
    {
        host.Adapter.Locale = locale;
        await host.SeedProfileAsync(language);                      // Ana has a profile
        var texts = ConversationTexts.For(language);
        JsonElement beasYes = default;

        await host.Flow()
            .Send(InGroup(hello, Bea))                              // Bea, new here: her first-use question
            .AssertReply(reply =>
            {
                Assert.Contains(texts.ConfirmName("Bea"), reply.Text, StringComparison.Ordinal);
                beasYes = FirstButton(reply);
            })
            .Send(() => ClickInGroup(beasYes, Ana))                 // Ana clicks Bea's "Yes"
            .AssertReply(reply => Assert.Contains(texts.QuestionEndedInGroup, reply.Text, StringComparison.Ordinal))
            .AssertReply(reply => Assert.NotNull(reply.Attachments))   // the menu
            .AssertNoReply()
            .Send(() => ClickInGroup(beasYes, Bea))                 // Bea's own click still answers her question
            .AssertReply(reply => Assert.Contains(texts.AskOrganisation, reply.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }


    [Fact]
    public async Task InAPersonalChat_AnOldQuestionButton_AfterTheDataWasDeleted_SaysSoAndAsksNothing()
    {
        JsonElement oldYes = default;
        await host.Flow()
            .Send("hello")
            .AssertReply(reply => oldYes = FirstButton(reply))    // "Shall I call you Ana?"
            .Send("cancel")
            .AssertReply(ConversationTexts.En.Cancelled)
            .Send(() => host.Adapter.MakeSubmit(oldYes))
            .AssertReply(ConversationTexts.En.ButtonBeforeProfile)
            .AssertNoReply()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .StartTestAsync();
    }

    [Fact]
    public async Task AFormButton_ClickedWithActionExecute_IsAnsweredOnTheCardToo()
    {
        host.Adapter.ConversationId = Group.Id!;
        var click = host.Adapter.MakeExecute("submit", JsonSerializer.SerializeToElement(new { formId = "form-of-someone-else", organisation = "X" }));
        click.Conversation = Group;
        click.From = Bea;

        await host.Flow()
            .Send(click)
            .AssertReply(reply => Assert.EndsWith(ConversationTexts.En.ButtonNotForYou("Bot"), reply.Text, StringComparison.Ordinal))
            .AssertInvokeResponse(response =>
            {
                var body = JsonSerializer.Serialize(response!.Body);
                Assert.Contains(JsonSerializer.Serialize(ConversationTexts.En.ButtonNotForYou("Bot"))[1..^1], body, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }
}
