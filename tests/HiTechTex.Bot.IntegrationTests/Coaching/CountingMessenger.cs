using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.IntegrationTests.Coaching;

/// <summary>An <see cref="IProactiveMessenger"/> shared by several hosts, counting what each conversation got.</summary>
internal sealed class CountingMessenger : IProactiveMessenger
{
    public ConcurrentQueue<(string ConversationId, string? Text)> Sent { get; } = new();

    /// <summary>When it returns an exception for an activity, that send throws it instead (a refusing connector).</summary>
    public Func<Activity, Exception?>? Refuse { get; set; }

    public Task<ProactiveSendResult> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (Refuse?.Invoke(activity) is { } refused)
        {
            return Task.FromException<ProactiveSendResult>(refused);
        }

        Sent.Enqueue((conversationId, activity.Text));
        return Task.FromResult(new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId));
    }

    public Task<ProactiveSendResult> SendToUserAsync(string aadObjectId, string tenantId, Activity activity, CancellationToken cancellationToken) =>
        SendToConversationAsync("user:" + aadObjectId, activity, cancellationToken);

    public Task<ProactiveSendResult> UpdateInConversationAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
