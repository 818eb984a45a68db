using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void CreateMessage_Text_SetsMessageType()
    {
        var activity = Activity.CreateMessage("hi");
        Assert.True(activity.IsType(ActivityTypes.Message));
    }
}
