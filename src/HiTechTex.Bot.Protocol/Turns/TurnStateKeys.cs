namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Keys of the values the adapter puts into <see cref="ITurnContext.TurnState"/>.</summary>
public static class TurnStateKeys
{
    /// <summary>The <see cref="Authentication.BotAuthenticationResult"/> of the inbound request.</summary>
    public const string Authentication = "HiTechTex.Bot.Protocol.Authentication";
}
