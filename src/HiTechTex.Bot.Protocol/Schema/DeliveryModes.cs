namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>Values of <c>activity.deliveryMode</c> (spec §4).</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}
