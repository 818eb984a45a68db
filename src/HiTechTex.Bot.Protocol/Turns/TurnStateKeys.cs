namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Keys of the values the adapter puts into <see cref="ITurnContext.TurnState"/>.</summary>
public static class TurnStateKeys
{
    /// <summary>The <see cref="Authentication.BotAuthenticationResult"/> of the inbound request.</summary>
    public const string Authentication = "HiTechTex.Bot.Protocol.Authentication";

    /// <summary>
    /// A string the bot may set once it knows the user's language: what <see cref="CloudAdapter"/> tells the user when
    /// the turn fails (instead of <see cref="CloudAdapterOptions.ErrorMessage"/>). Like that one, it must say nothing
    /// about the failure itself.
    /// </summary>
    public const string ErrorMessage = "HiTechTex.Bot.Protocol.ErrorMessage";

    /// <summary>
    /// The language the bot speaks in this turn (a tag such as <c>pt</c> or <c>pt-PT</c>), which the bot may set when it
    /// is not the Teams client's (a user who chose Portuguese on an English client): prompts then recognize and label
    /// their answers in it — "sim" is yes, the buttons say "Sim" / "Não" — as the Bot Framework's
    /// <c>ITurnContext.Locale</c>. Unset: the activity's <c>locale</c>.
    /// </summary>
    public const string Locale = "HiTechTex.Bot.Protocol.Locale";
}
