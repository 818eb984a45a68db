using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>The test adapter reads an activity as the host does: its text decoded once per send.</summary>
public sealed class TestAdapterTests
{
    [Fact]
    public async Task ProcessActivityAsync_SameActivitySentTwice_SameDecodedTextBothTimes()
    {
        // Arrange
        var texts = new List<string?>();
        var adapter = new TestAdapter((turnContext, _) =>
        {
            texts.Add(turnContext.Activity.Text);
            return Task.CompletedTask;
        });
        var activity = adapter.MakeMessage("R&amp;amp;D &lt;b&gt;");

        // Act
        await adapter.ProcessActivityAsync(activity);
        await adapter.ProcessActivityAsync(activity);

        // Assert
        Assert.Equal(["R&amp;D <b>", "R&amp;D <b>"], texts);
        Assert.Equal("R&amp;amp;D &lt;b&gt;", activity.Text);
    }

    [Fact]
    public async Task Send_SameActivityTwiceThroughAFlow_EchoesTheSameText()
    {
        var activity = new TestAdapter((_, _) => Task.CompletedTask).MakeMessage("R&amp;amp;D");

        await new TestFlow((turnContext, ct) => turnContext.SendActivityAsync("echo: " + turnContext.Activity.Text, ct))
            .Send(activity).AssertReply("echo: R&amp;D")
            .Send(activity).AssertReply("echo: R&amp;D")
            .StartTestAsync();
    }
}
