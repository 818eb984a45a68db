using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// In a group chat or a channel an answer to one member @mentions them (Teams: the entity's <c>text</c> must be exactly
/// the <c>&lt;at&gt;…&lt;/at&gt;</c> in the message's text, and the entity names the account). The hello used to be a
/// plain message without a mention (the mention then went onto the menu card as a bare line); the welcome on install is
/// everyone's, and mentions nobody.
/// </summary>
public sealed class GroupMentionTests : IDisposable
{
    private static readonly ConversationAccount Group = new() { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };

    private static readonly ConversationAccount Channel = new() { Id = "19:abc@thread.tacv2;messageid=1700000000001", ConversationType = "channel", IsGroup = true };

    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    private Activity In(ConversationAccount conversation, string text, string? locale = null) =>
        new() { Type = ActivityTypes.Message, Text = text, Conversation = conversation, Locale = locale ?? host.Adapter.Locale };

    private static void AssertMentions(Activity message, string userId, string name)
    {
        var mention = Assert.Single(message.Entities!, e => e.IsMention);
        Assert.Equal($"<at>{name}</at>", mention.Text);
        Assert.Equal(userId, mention.Mentioned?.Id);
        Assert.Equal(name, mention.Mentioned?.Name);
        Assert.Contains(mention.Text!, message.Text, StringComparison.Ordinal);
        Assert.NotEqual("plain", message.TextFormat);   // a plain message would print the tag literally
    }

    [Theory]
    [InlineData("en", "en-US", "hello")]
    [InlineData("pt", "pt-PT", "olá")]
    [InlineData("es", "es-ES", "hola")]
    [InlineData("it", "it-IT", "ciao")]
    [InlineData("tr", "tr-TR", "merhaba")]
    [InlineData("cs", "cs-CZ", "ahoj")]
    public async Task AHelloInAGroup_GreetsTheSenderByMention_AndTheMenuFollowsWithoutAnother(string language, string locale, string hello)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(In(Group, hello, locale))
            .AssertReply(reply =>
            {
                Assert.Equal(texts.GreetingMentioning("<at>Ana</at>"), reply.Text);
                AssertMentions(reply, "29:user-1", "Ana");
            })
            .AssertReply(reply =>
            {
                Assert.NotNull(reply.Attachments);     // the menu
                Assert.Null(reply.Text);
                Assert.Null(reply.Entities);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task InAChannelThread_AnAnswerMentionsTheSender_WithAnEncodedName()
    {
        await host.SeedProfileAsync("en");
        host.Adapter.User = new ChannelAccount { Id = "29:user-1", Name = "Ana <Sousa> & Co", AadObjectId = "00000000-0000-0000-0000-000000000001" };

        await host.Flow()
            .Send(In(Channel, "help"))
            .AssertReply(reply =>
            {
                Assert.NotNull(reply.Attachments);     // the help card, under the mention
                var mention = Assert.Single(reply.Entities!, e => e.IsMention);
                Assert.Equal("<at>Ana &lt;Sousa&gt; &amp; Co</at>", mention.Text);
                Assert.Equal(mention.Text, reply.Text);
                Assert.Equal("29:user-1", mention.Mentioned?.Id);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task InAPersonalChat_TheHelloIsAsBefore()
    {
        await host.SeedProfileAsync("en");
        await host.Flow()
            .Send("hello")
            .AssertReply(reply =>
            {
                Assert.Equal(ConversationTexts.En.Greeting("Ana"), reply.Text);
                Assert.Equal("plain", reply.TextFormat);
                Assert.Null(reply.Entities);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TheWelcomeOnInstallInAGroup_MentionsNobody()
    {
        var added = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Conversation = Group,
            MembersAdded = [new ChannelAccount { Id = "28:bot" }],
        };

        await host.Flow()
            .Send(added)
            .AssertReply(reply =>
            {
                Assert.NotNull(reply.Attachments);
                Assert.Null(reply.Entities);
                Assert.Null(reply.Text);
            })
            .AssertNoReply()
            .StartTestAsync();
    }
}
