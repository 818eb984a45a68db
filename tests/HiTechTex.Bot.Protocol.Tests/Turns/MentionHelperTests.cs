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
