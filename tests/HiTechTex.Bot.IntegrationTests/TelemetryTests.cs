using System.Collections.Concurrent;
using System.Diagnostics;
using HiTechTex.Bot.IntegrationTests.Support;

namespace HiTechTex.Bot.IntegrationTests;

public sealed class TelemetryTests(DevelopmentHostFixture host) : IClassFixture<DevelopmentHostFixture>
{
    [Fact]
    public async Task Post_Message_RecordsOneTurnSpan()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "HiTechTex.Bot",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var conversationId = Activities.NewConversationId();

        using var response = await host.Client.PostActivityAsync(Activities.Message(conversationId, "hi"));

        var span = Assert.Single(spans, s => (s.GetTagItem("bot.conversation.id") as string) == conversationId);
        Assert.Equal("turn message", span.DisplayName);
        Assert.Equal("message", span.GetTagItem("bot.activity.type"));
    }
}
