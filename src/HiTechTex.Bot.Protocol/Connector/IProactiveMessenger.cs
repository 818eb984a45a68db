using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// Sends messages outside a turn through stored conversation references (spec §3.2–3.3, checklist 29 and 32).
/// A user who blocked the bot gives <see cref="ProactiveSendStatus.Blocked"/>, not an exception; other connector
/// failures throw <see cref="ConnectorException"/>. Stopped by its token before the activity could have reached the
/// connector (looking up or creating the chat, waiting to retry a refused send), a send throws
/// <see cref="DeliveryCancelledException"/>: nothing was delivered.
/// </summary>
public interface IProactiveMessenger
{
    /// <summary>Sends to a conversation whose reference is stored.</summary>
    Task<ProactiveSendResult> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Sends to a user's personal (1:1) chat with the bot: the stored one, or else a new one created with
    /// <c>POST /v3/conversations</c> and stored for reuse. The bot must be installed for the user.
    /// </summary>
    Task<ProactiveSendResult> SendToUserAsync(string aadObjectId, string tenantId, Activity activity, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an activity the bot sent earlier in a stored conversation (<c>PUT /v3/conversations/{id}/activities/{activityId}</c>),
    /// for example a card updated for everyone after a decision (spec §5.3).
    /// </summary>
    Task<ProactiveSendResult> UpdateInConversationAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);
}
