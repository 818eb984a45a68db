using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A new member who asks the bot something in a group chat is asked the first-use questions there. Teams gives the bot
/// only the messages that @mention it in a group, so a name or an organisation typed as in a 1:1 chat never arrived and
/// the member was left waiting; the questions answered by typing now say to start the answer with the bot's mention.
/// </summary>
public sealed class ProfileQuestionsInGroupTests : IDisposable
{
    private static readonly ConversationAccount Group = new() { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };

    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    private Activity InGroup(string text) => new() { Type = ActivityTypes.Message, Text = text, Conversation = Group, Locale = host.Adapter.Locale };

    [Theory]
    [InlineData("en-US", "en", "hello", "no", "Ana Sousa")]
    [InlineData("pt-PT", "pt", "olá", "não", "Ana Sousa")]
    [InlineData("es-ES", "es", "hola", "no", "Ana Sousa")]
    [InlineData("it-IT", "it", "ciao", "no", "Ana Sousa")]
    [InlineData("tr-TR", "tr", "merhaba", "hayır", "Ana Sousa")]
    [InlineData("cs-CZ", "cs", "ahoj", "ne", "Ana Sousa")]
    public async Task TheNameAndOrganisationQuestions_SayToMentionTheBot(string locale, string language, string hello, string no, string name)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);
        var hint = texts.MentionMeInGroup(host.Adapter.Bot.Name!);

        await host.Flow()
            .Send(InGroup(hello))
            .AssertReply(reply => Assert.Contains(texts.ConfirmName("Ana"), reply.Text, StringComparison.Ordinal))   // a button question: no hint
            .Send(InGroup(no))
            .AssertReply(reply =>
            {
                Assert.Contains(texts.AskName, reply.Text, StringComparison.Ordinal);
                Assert.EndsWith(hint, reply.Text, StringComparison.Ordinal);
            })
            .Send(InGroup(name))
            .AssertReply(reply =>
            {
                Assert.Contains(texts.AskOrganisation, reply.Text, StringComparison.Ordinal);
                Assert.EndsWith(hint, reply.Text, StringComparison.Ordinal);
            })
            .Send(InGroup("x\ny"))   // two lines: the retry says the rule, and how to answer here
            .AssertReply(reply =>
            {
                Assert.Contains(texts.OrganisationRules, reply.Text, StringComparison.Ordinal);
                Assert.EndsWith(hint, reply.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task InAPersonalChat_TheQuestionsAreAsBefore()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you Ana?")
            .Send("no")
            .AssertReply(ConversationTexts.En.AskName)
            .Send("Ana Sousa")
            .AssertReply(ConversationTexts.En.AskOrganisation)
            .StartTestAsync();
    }
}
