using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// The context of one turn. Sends go to the connector — as a reply when there is an activity to answer, else as a
/// new message — or, for <c>deliveryMode: expectReplies</c>, into <see cref="BufferedReplies"/>, which the adapter
/// writes into the HTTP response instead of posting anything (spec §4.1).
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly IConnectorClient connector;
    private readonly List<Activity> bufferedReplies = [];
    private readonly List<SendActivitiesHandler> sendHandlers = [];
    private readonly Lock gate = new();

    public TurnContext(Activity activity, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(connector);
        Activity = activity;
        this.connector = connector;
    }

    /// <inheritdoc />
    public Activity Activity { get; }

    /// <inheritdoc />
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Responded { get; private set; }

    /// <inheritdoc />
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>True when the caller asked for the replies in the HTTP response (spec §4.1).</summary>
    public bool ExpectsReplies => string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>Activities sent in an <c>expectReplies</c> turn, in send order.</summary>
    public IReadOnlyList<Activity> BufferedReplies
    {
        get
        {
            lock (gate)
            {
                return [.. bufferedReplies];
            }
        }
    }

    /// <inheritdoc />
    public Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversationDefaults(activity);
        return sendHandlers.Count == 0
            ? SendCoreAsync(activity, cancellationToken)
            : SendActivitiesPipeline.SendAsync(this, sendHandlers, activity, a =>
            {
                ApplyConversationDefaults(a);   // an activity a handler added or replaced
                return SendCoreAsync(a, cancellationToken);
            });
    }

    /// <inheritdoc />
    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        sendHandlers.Add(handler);
        return this;
    }

    private async Task<ResourceResponse?> SendCoreAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ExpectsReplies)
        {
            lock (gate)
            {
                bufferedReplies.Add(activity);
            }

            Responded = true;
            return new ResourceResponse(string.Empty);
        }

        var serviceUrl = RequireServiceUrl(activity);
        var conversationId = RequireConversationId(activity);
        var response = string.IsNullOrEmpty(activity.ReplyToId)
            ? await connector.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false)
            : await connector.ReplyToActivityAsync(serviceUrl, conversationId, activity.ReplyToId, activity, cancellationToken).ConfigureAwait(false);
        Responded = true;
        return response;
    }

    /// <inheritdoc />
    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("The activity to update needs the id of the message it replaces.", nameof(activity));
        }

        var activityId = activity.Id;
        ApplyConversationDefaults(activity);
        return UpdateCoreAsync(activityId, activity, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return connector.DeleteActivityAsync(RequireServiceUrl(Activity), RequireConversationId(Activity), activityId, cancellationToken);
    }

    private async Task<ResourceResponse?> UpdateCoreAsync(string activityId, Activity activity, CancellationToken cancellationToken) =>
        await connector.UpdateActivityAsync(RequireServiceUrl(activity), RequireConversationId(activity), activityId, activity, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>
    /// Addresses an outbound activity to this turn's conversation where the caller left a field empty (BB
    /// <c>ApplyConversationReference</c>). The channel assigns ids, so the outbound id is cleared (spec §1.1).
    /// </summary>
    private void ApplyConversationDefaults(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.Id = null;
        activity.From ??= Activity.Recipient is null ? null : new ChannelAccount { Id = Activity.Recipient.Id, Name = Activity.Recipient.Name };
        activity.Recipient ??= Activity.From is null ? null : new ChannelAccount { Id = Activity.From.Id, Name = Activity.From.Name, AadObjectId = Activity.From.AadObjectId };
        activity.Conversation ??= Activity.Conversation is null ? null : new ConversationAccount
        {
            Id = Activity.Conversation.Id,
            Name = Activity.Conversation.Name,
            IsGroup = Activity.Conversation.IsGroup,
            ConversationType = Activity.Conversation.ConversationType,
            TenantId = Activity.Conversation.TenantId,
        };
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.ChannelId ??= Activity.ChannelId;
        activity.ReplyToId ??= Activity.Id;
        activity.Locale ??= Activity.Locale;
    }

    private static string RequireServiceUrl(Activity activity) =>
        string.IsNullOrEmpty(activity.ServiceUrl)
            ? throw new InvalidOperationException("The activity has no serviceUrl to send to.")
            : activity.ServiceUrl;

    private static string RequireConversationId(Activity activity) =>
        string.IsNullOrEmpty(activity.Conversation?.Id)
            ? throw new InvalidOperationException("The activity has no conversation id to send to.")
            : activity.Conversation.Id;
}
