namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Invoke names the <see cref="ActivityHandler"/> dispatches (spec §1.3).</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string ComposeExtensionQuery = "composeExtension/query";
}
