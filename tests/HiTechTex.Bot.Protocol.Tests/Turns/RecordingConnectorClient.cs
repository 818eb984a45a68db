using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

/// <summary>A connector that records every call and answers with an id.</summary>
internal sealed class RecordingConnectorClient : IConnectorClient
{
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public Exception? FailWith { get; set; }

    /// <summary>Awaited before a call is recorded and answered (a slow connector, or a note of when it was called).</summary>
    public Func<ConnectorCall, Task>? BeforeAnswer { get; set; }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("send", serviceUrl, conversationId, null, activity));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("reply", serviceUrl, conversationId, activityId, activity));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("update", serviceUrl, conversationId, activityId, activity));

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Record(new ConnectorCall("delete", serviceUrl, conversationId, activityId, null));

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private Task<ResourceResponse> Record(ConnectorCall call)
    {
        if (FailWith is not null)
        {
            return Task.FromException<ResourceResponse>(FailWith);
        }

        return BeforeAnswer is null ? Task.FromResult(Answer(call)) : RecordAfterAsync(call, BeforeAnswer);
    }

    private async Task<ResourceResponse> RecordAfterAsync(ConnectorCall call, Func<ConnectorCall, Task> beforeAnswer)
    {
        await beforeAnswer(call).ConfigureAwait(false);
        return Answer(call);
    }

    private ResourceResponse Answer(ConnectorCall call)
    {
        Calls.Enqueue(call);
        return new ResourceResponse($"sent-{Calls.Count}");
    }
}
