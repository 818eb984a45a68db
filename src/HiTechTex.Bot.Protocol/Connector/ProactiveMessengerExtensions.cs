using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Connector;

public static class ProactiveMessengerExtensions
{
    /// <summary>
    /// Sends a message meant for one person: to <paramref name="conversationId"/> (the 1:1 chat they acted in) when
    /// given, else — or when that send fails — to their 1:1 chat by Entra object id and tenant (found, or created).
    /// Returns the last attempt's result; <see cref="ProactiveSendStatus.NoReference"/> when there was nowhere to send.
    /// </summary>
    public static async Task<ProactiveSendResult> SendToPersonAsync(
        this IProactiveMessenger messenger, string? conversationId, string? aadObjectId, string? tenantId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messenger);
        ArgumentNullException.ThrowIfNull(activity);
        ProactiveSendResult? result = string.IsNullOrEmpty(conversationId)
            ? null
            : await messenger.SendToConversationAsync(conversationId, activity, cancellationToken).ConfigureAwait(false);
        if (result is not { IsSent: true } && !string.IsNullOrEmpty(aadObjectId) && !string.IsNullOrEmpty(tenantId))
        {
            result = await messenger.SendToUserAsync(aadObjectId, tenantId, activity, cancellationToken).ConfigureAwait(false);
        }

        return result ?? new ProactiveSendResult(ProactiveSendStatus.NoReference);
    }
}
