using System.Net;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Hosting.Placeholders;

/// <summary>
/// TEMPORARY stand-in until <c>AddBotConnector()</c> is merged: every call fails with 501, so a turn that sends
/// ends in the error boundary rather than silently pretending to have answered. <c>expectReplies</c> turns never
/// reach it.
/// </summary>
internal sealed class PlaceholderConnectorClient(ILogger<PlaceholderConnectorClient> logger) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Fail<ResourceResponse>();

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Fail<ResourceResponse>();

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Fail<ResourceResponse>();

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Fail<object>();

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        Fail<ConversationResourceResponse>();

    public Task<IList<ChannelAccount>> GetConversationMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken) =>
        Fail<IList<ChannelAccount>>();

    public Task<ChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        Fail<ChannelAccount>();

    private Task<T> Fail<T>()
    {
        Log.PlaceholderInUse(logger, nameof(IConnectorClient));
        return Task.FromException<T>(new ConnectorException(HttpStatusCode.NotImplemented, null, "The Bot Connector client is not registered in this build."));
    }
}
