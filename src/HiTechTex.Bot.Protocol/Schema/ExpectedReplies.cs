namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>Body returned for <c>deliveryMode: expectReplies</c> (spec §4.1).</summary>
public sealed class ExpectedReplies
{
    public IList<Activity> Activities { get; set; } = [];
}
