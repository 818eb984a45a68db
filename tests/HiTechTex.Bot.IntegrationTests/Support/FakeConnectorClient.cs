using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>
/// Records what the bot sends, for host tests about the bot's behaviour. The real connector over HTTP is covered by
/// <c>RealStackTests</c> and the protocol's connector tests.
/// </summary>
internal sealed class FakeConnectorClient : IConnectorClient
{
    private readonly ConcurrentQueue<(string Operation, string ConversationId, string? ActivityId, Activity Activity)> sent = new();

    public IReadOnlyList<Activity> SentTo(string conversationId) =>
        [.. sent.Where(s => s.ConversationId == conversationId).Select(s => s.Activity)];

    /// <summary>The updates (PUT) of existing messages in a conversation: the id of the message replaced, the new one.</summary>
    public IReadOnlyList<(string ActivityId, Activity Activity)> UpdatesIn(string conversationId) =>
        [.. sent.Where(s => s.ConversationId == conversationId && s.Operation == "update").Select(s => (s.ActivityId!, s.Activity))];

    /// <summary>When set, a send (POST) to a conversation for which it returns an exception fails with it, recording nothing.</summary>
    public Func<string, Exception?>? SendFailure { get; set; }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendFailure?.Invoke(conversationId) is { } failure
            ? Task.FromException<ResourceResponse>(failure)
            : Record("send", conversationId, null, activity);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("reply", conversationId, activityId, activity);

    /// <summary>When set, an update (PUT) in a conversation for which it returns an exception fails with it, recording nothing.</summary>
    public Func<string, Exception?>? UpdateFailure { get; set; }

    /// <summary>When set, an update (PUT) waits for the task it returns first (a call that hangs, or an instance that stalls there).</summary>
    public Func<string, Task>? BeforeUpdate { get; set; }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (BeforeUpdate?.Invoke(conversationId) is { } wait)
        {
            await wait.ConfigureAwait(false);
        }

        return UpdateFailure?.Invoke(conversationId) is { } failure
            ? throw failure
            : await Record("update", conversationId, activityId, activity).ConfigureAwait(false);
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private Task<ResourceResponse> Record(string operation, string conversationId, string? activityId, Activity activity)
    {
        sent.Enqueue((operation, conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse("msg-" + sent.Count));
    }
}
