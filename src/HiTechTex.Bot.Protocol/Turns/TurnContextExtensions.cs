using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>Conveniences over <see cref="ITurnContext"/>.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends a plain text message as a reply to the inbound activity.</summary>
    public static Task<ResourceResponse?> SendActivityAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(turnContext.Activity.CreateReply(text), cancellationToken);
}
