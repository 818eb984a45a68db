using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>An <see cref="IProactiveMessenger"/> shared by several hosts, counting what each conversation got.</summary>
internal sealed class CountingMessenger : IProactiveMessenger
{
    public ConcurrentQueue<(string ConversationId, string? Text)> Sent { get; } = new();

    public Task<ProactiveSendResult> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        Sent.Enqueue((conversationId, activity.Text));
        return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId));
    }

    public Task<ProactiveSendResult> SendToUserAsync(string aadObjectId, string tenantId, Activity activity, CancellationToken cancellationToken) =>
        SendToConversationAsync("user:" + aadObjectId, activity, cancellationToken);

    public Task<ProactiveSendResult> UpdateInConversationAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
