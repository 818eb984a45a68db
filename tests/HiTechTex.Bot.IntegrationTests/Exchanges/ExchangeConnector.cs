using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// A connector that records every send and update with the id it gave, and creates personal conversations (the
/// approvers have never written to the bot), so a test can follow each card through its updates.
/// </summary>
internal sealed class ExchangeConnector : IConnectorClient
{
    private readonly ConcurrentQueue<Sent> sent = new();
    private int next;

    public IReadOnlyList<Sent> All => [.. sent];

    /// <summary>When set, a new message to a conversation for which it returns an exception fails with it (nothing recorded).</summary>
    public Func<string, Activity, Exception?>? FailSend { get; set; }

    /// <summary>
    /// When set, a new message to a conversation for which it returns true is held until the call is cancelled (the host
    /// stopping; <see cref="Stalled"/> says it is held), then ends as the real connector client ends: with
    /// <see cref="DeliveryCancelledException"/> when <see cref="StallOnTheWire"/> is false (stopped in its wait to retry a
    /// refused 502: nothing delivered), else with a plain cancellation (stopped with the request on the wire).
    /// </summary>
    public Func<string, Activity, bool>? StallSend { get; set; }

    public bool StallOnTheWire { get; set; }

    public TaskCompletionSource Stalled { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static string PersonalConversationOf(string aadObjectId) => "a:personal-" + aadObjectId;

    public IReadOnlyList<Sent> To(string conversationId) => [.. sent.Where(s => s.ConversationId == conversationId)];

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        StallSend?.Invoke(conversationId, activity) == true ? StallAsync(cancellationToken)
        : FailSend?.Invoke(conversationId, activity) is { } failure ? Task.FromException<ResourceResponse>(failure) : Record("send", conversationId, null, activity);

    private async Task<ResourceResponse> StallAsync(CancellationToken cancellationToken)
    {
        Stalled.TrySetResult();
        try
        {
            await new TaskCompletionSource().Task.WaitAsync(cancellationToken); // held until the sender gives up (no timer)
        }
        catch (OperationCanceledException ex) when (!StallOnTheWire)
        {
            throw new DeliveryCancelledException(ex, cancellationToken);
        }

        throw new InvalidOperationException("unreachable");
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("send", conversationId, null, activity);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("update", conversationId, activityId, activity);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult(new ConversationResourceResponse(PersonalConversationOf(parameters.Members![0].Id!)));

    public Task<IList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private Task<ResourceResponse> Record(string operation, string conversationId, string? activityId, Activity activity)
    {
        var id = activityId ?? $"act-{Interlocked.Increment(ref next)}";
        sent.Enqueue(new Sent(operation, conversationId, id, activity));
        return Task.FromResult(new ResourceResponse(id));
    }

    /// <summary>One recorded call: send (new activity) or update (PUT of <see cref="ActivityId"/>).</summary>
    internal sealed record Sent(string Operation, string ConversationId, string ActivityId, Activity Activity)
    {
        /// <summary>The card's JSON with non-ASCII text left readable (so a test can look for "€780").</summary>
        public string CardJson => Activity.Attachments is [{ Content: { } content }, ..]
            ? System.Text.Json.JsonSerializer.Serialize(content, Relaxed)
            : "";

        private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
