namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Values of <c>activity.callerId</c>, set by the bot after authentication, never taken from the wire (A2251).</summary>
public static class CallerIds
{
    /// <summary>The public Azure cloud Bot Framework channel service.</summary>
    public const string PublicAzureChannel = "urn:botframework:azure";
}
