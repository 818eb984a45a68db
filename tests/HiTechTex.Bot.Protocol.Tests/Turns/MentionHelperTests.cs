using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

public sealed class MentionHelperTests
{
    [Fact]
    public void RemoveRecipientMention_BotMentioned_LeavesTheRest()
    {
        var activity = WithMention("<at>Bot</at> do it", TestActivities.BotId, "Bot", "<at>Bot</at>");

        var text = MentionHelper.RemoveRecipientMention(activity);

        Assert.Equal("do it", text);
        Assert.Equal("do it", activity.Text);
    }

    [Fact]
    public void RemoveRecipientMention_OtherUserMentioned_KeepsTheirMention()
    {
        var activity = WithMention("<at>Bot</at> ask <at>Maria</at>", TestActivities.BotId, "Bot", "<at>Bot</at>");
        activity.Entities!.Add(new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = "29:maria", Name = "Maria" }, Text = "<at>Maria</at>" });

        MentionHelper.RemoveRecipientMention(activity);

        Assert.Equal("ask <at>Maria</at>", activity.Text);
    }

    [Fact]
    public void RemoveRecipientMention_EntityWithoutText_RemovesAtTagOfTheName()
    {
        var activity = WithMention("<at>HiTechTex</at>  help ", TestActivities.BotId, "HiTechTex", entityText: null);

        MentionHelper.RemoveRecipientMention(activity);

        Assert.Equal("help", activity.Text);
    }

    [Fact]
    public void RemoveRecipientMention_TypeAndTextInOtherCase_StillRemoves()
    {
        var activity = WithMention("<AT>bot</AT> go", TestActivities.BotId, "Bot", "<at>Bot</at>");
        activity.Entities![1].Type = "Mention";

        MentionHelper.RemoveRecipientMention(activity);

        Assert.Equal("go", activity.Text);
    }

    [Fact]
    public void RemoveRecipientMention_NoMentionEntity_LeavesTextUntouched()
    {
        var activity = TestActivities.Message("<at>Bot</at> typed by hand ");

        MentionHelper.RemoveRecipientMention(activity);

        Assert.Equal("<at>Bot</at> typed by hand ", activity.Text);
    }

    [Fact]
    public void Mention_TextIsTheTagOfTheNameAndTheEntityNamesTheAccount()
    {
        var mention = MentionHelper.Mention(new ChannelAccount { Id = "29:user-1", Name = " Ana Sousa ", AadObjectId = "aad-1" });

        Assert.NotNull(mention);
        Assert.True(mention.IsMention);
        Assert.Equal("<at>Ana Sousa</at>", mention.Text);
        Assert.Equal("29:user-1", mention.Mentioned?.Id);
        Assert.Equal("Ana Sousa", mention.Mentioned?.Name);
        Assert.Null(mention.Mentioned?.AadObjectId);
    }

    [Fact]
    public void Mention_MarkupInTheNameIsEncoded_SoTheTagStaysWhole()
    {
        var mention = MentionHelper.Mention(new ChannelAccount { Id = "29:user-1", Name = "A&B <Lab>" });

        Assert.Equal("<at>A&amp;B &lt;Lab&gt;</at>", mention?.Text);
    }

    [Theory]
    [InlineData(null, "Ana")]
    [InlineData("", "Ana")]
    [InlineData("29:user-1", null)]
    [InlineData("29:user-1", "  ")]
    public void Mention_WithoutIdOrName_None(string? id, string? name)
    {
        Assert.Null(MentionHelper.Mention(new ChannelAccount { Id = id, Name = name }));
        Assert.Null(MentionHelper.Mention(null));
    }

    [Fact]
    public void MentionMessage_StartsWithTheMentionWhoseTextIsInTheMessage()
    {
        var message = MentionHelper.MentionMessage(new ChannelAccount { Id = "29:user-1", Name = "Ana" }, "see your 1:1 chat");

        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("<at>Ana</at> see your 1:1 chat", message.Text);
        var entity = Assert.Single(message.Entities!);
        Assert.Contains(entity.Text!, message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MentionMessage_NoNameToMention_JustTheText()
    {
        var message = MentionHelper.MentionMessage(new ChannelAccount { Id = "29:user-1" }, "see your 1:1 chat");

        Assert.Equal("see your 1:1 chat", message.Text);
        Assert.Null(message.Entities);
    }

    private static Activity WithMention(string text, string mentionedId, string mentionedName, string? entityText)
    {
        var activity = TestActivities.Message(text);
        activity.Entities =
        [
            new Entity { Type = "clientInfo" },
            new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = mentionedId, Name = mentionedName }, Text = entityText },
        ];
        return activity;
    }
}
