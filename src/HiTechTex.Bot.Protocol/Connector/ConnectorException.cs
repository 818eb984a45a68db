using System.Net;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>A connector call that failed after retries (or was not retryable).</summary>
public class ConnectorException(HttpStatusCode statusCode, ErrorResponse? error, string message) : Exception(message)
{
    private static readonly string[] BlockedCodes =
        ["MessageWritesBlocked", "ConversationBlockedByUser", "BotNotInConversationRoster", "BotDisabledByAdmin"];

    public HttpStatusCode StatusCode { get; } = statusCode;

    public ErrorResponse? Error { get; } = error;

    /// <summary>
    /// A 403 that says the bot may not write to the conversation until the user comes back (spec §3.2, checklist 32):
    /// subCode <c>MessageWritesBlocked</c> (the spec's), or the codes Teams' error table documents for the same
    /// situation — <c>ConversationBlockedByUser</c> (the user blocked the bot), <c>BotNotInConversationRoster</c> (the
    /// bot was removed; wait for it to be installed again) and <c>BotDisabledByAdmin</c> (the admin blocked the app), all
    /// with "stop posting until the user interacts again". Other 403s (<c>NotEnoughPermissions</c>, <c>InvalidBotApiHost</c>…)
    /// are failures of the call, not of the conversation.
    /// </summary>
    public bool IsMessageWritesBlocked =>
        StatusCode == HttpStatusCode.Forbidden &&
        (string.Equals(Error?.Error?.SubCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase) ||
         BlockedCodes.Contains(Error?.Error?.Code ?? string.Empty, StringComparer.OrdinalIgnoreCase));
}
