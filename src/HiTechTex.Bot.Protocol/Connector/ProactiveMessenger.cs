using System.Net;
using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// Proactive messages through stored conversation references (spec §3.2–3.3). Creates the personal chat with a user
/// when none is stored (checklist 29) and turns 403 <c>MessageWritesBlocked</c> into an inactive reference and a
/// <see cref="ProactiveSendStatus.Blocked"/> result (checklist 32). Scoped: the reference store usually is.
/// </summary>
public sealed class ProactiveMessenger(
    IConnectorClient connector,
    IConversationReferenceStore store,
    IOptions<BotOptions> botOptions,
    IOptions<ConnectorOptions> connectorOptions,
    TimeProvider timeProvider,
    ILogger<ProactiveMessenger> logger,
    ConversationReferenceCache? referenceCache = null) : IProactiveMessenger
{
    private const string TeamsChannelId = "msteams";

    // The turn pipeline skips rewriting a reference it remembers as saved: it must forget this one, so that the user's
    // next message (after unblocking the bot) marks it active again at once, not only when the memory expires.
    private async Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        await store.MarkInactiveAsync(conversationId, cancellationToken).ConfigureAwait(false);
        referenceCache?.Forget(conversationId);
    }

    /// <inheritdoc />
    public async Task<ProactiveSendResult> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var stored = await BeforeSendingAsync(() => store.GetAsync(conversationId, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            Log.NoConversationReference(logger, conversationId);
            return new ProactiveSendResult(ProactiveSendStatus.NoReference, conversationId);
        }

        return await SendAsync(stored, activity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ProactiveSendResult> SendToUserAsync(string aadObjectId, string tenantId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(activity);

        var stored = await BeforeSendingAsync(() => store.FindPersonalAsync(aadObjectId, tenantId, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return await SendAsync(stored, activity, cancellationToken).ConfigureAwait(false);
        }

        // Stopped while the chat is created (even with the request on the wire), the activity itself was not sent.
        var created = await BeforeSendingAsync(() => CreatePersonalConversationAsync(aadObjectId, tenantId, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (created is null)
        {
            return new ProactiveSendResult(ProactiveSendStatus.Blocked);
        }

        return await SendAsync(new StoredConversationReference(created, true, timeProvider.GetUtcNow()), activity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ProactiveSendResult> UpdateInConversationAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var stored = await store.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (stored?.Reference is not { ServiceUrl: { Length: > 0 } serviceUrl } reference)
        {
            Log.NoConversationReference(logger, conversationId);
            return new ProactiveSendResult(ProactiveSendStatus.NoReference, conversationId);
        }

        if (!stored.IsActive)
        {
            Log.ConversationInactive(logger, conversationId);
            return new ProactiveSendResult(ProactiveSendStatus.Blocked, conversationId, activityId);
        }

        var copy = Address(activity, reference);
        copy.Id = activityId;
        try
        {
            await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, copy, cancellationToken).ConfigureAwait(false);
            return new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, activityId);
        }
        catch (ConnectorException ex) when (ex.IsMessageWritesBlocked)
        {
            await MarkInactiveAsync(conversationId, cancellationToken).ConfigureAwait(false);
            Log.ConversationBlocked(logger, conversationId);
            return new ProactiveSendResult(ProactiveSendStatus.Blocked, conversationId, activityId);
        }
    }

    /// <summary>
    /// <c>POST /v3/conversations</c> for a 1:1 chat (spec §3.2), stored before anything is sent so that it is reused
    /// even if the send fails. Null when the user blocked the bot.
    /// </summary>
    private async Task<ConversationReference?> CreatePersonalConversationAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken)
    {
        // The user has no 1:1 chat yet: the endpoint that serves their tenant (any conversation of the tenant — the
        // group or channel they wrote in — knows it; a sovereign-cloud tenant is not reached at the public one), else
        // the documented global serviceUrl, which the user's first activity then replaces with the regional one.
        var serviceUrl = await store.FindServiceUrlAsync(tenantId, cancellationToken).ConfigureAwait(false)
            ?? connectorOptions.Value.DefaultServiceUrl;
        var bot = BotAccount();
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = bot,
            Members = [new ChannelAccount { Id = aadObjectId }],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(
                new TeamsChannelData { Tenant = new TeamsInfo { Id = tenantId } },
                ProtocolJsonContext.Outbound.TeamsChannelData),
        };

        ConversationResourceResponse response;
        try
        {
            response = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsMessageWritesBlocked)
        {
            Log.PersonalConversationBlocked(logger, tenantId);
            return null;
        }

        if (string.IsNullOrEmpty(response.Id))
        {
            throw new ConnectorException(HttpStatusCode.OK, null, "The connector created a conversation but returned no id.");
        }

        var reference = new ConversationReference
        {
            ChannelId = TeamsChannelId,
            ServiceUrl = string.IsNullOrEmpty(response.ServiceUrl) ? serviceUrl : response.ServiceUrl,
            Bot = bot,
            User = new ChannelAccount { AadObjectId = aadObjectId },
            Conversation = new ConversationAccount { Id = response.Id, ConversationType = "personal", IsGroup = false, TenantId = tenantId },
        };
        await store.SaveAsync(reference, cancellationToken).ConfigureAwait(false);
        Log.PersonalConversationCreated(logger, response.Id, tenantId);
        return reference;
    }

    private async Task<ProactiveSendResult> SendAsync(StoredConversationReference stored, Activity activity, CancellationToken cancellationToken)
    {
        var reference = stored.Reference;
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            return new ProactiveSendResult(ProactiveSendStatus.NoReference, conversationId);
        }

        if (!stored.IsActive)
        {
            Log.ConversationInactive(logger, conversationId);
            return new ProactiveSendResult(ProactiveSendStatus.Blocked, conversationId);
        }

        try
        {
            var response = await connector
                .SendToConversationAsync(reference.ServiceUrl, conversationId, Address(activity, reference), cancellationToken)
                .ConfigureAwait(false);
            return new ProactiveSendResult(ProactiveSendStatus.Sent, conversationId, response.Id);
        }
        catch (ConnectorException ex) when (ex.IsMessageWritesBlocked)
        {
            // Refused: stopped while the chat is marked, nothing was delivered either.
            await BeforeSendingAsync(async () => { await MarkInactiveAsync(conversationId, cancellationToken).ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);
            Log.ConversationBlocked(logger, conversationId);
            return new ProactiveSendResult(ProactiveSendStatus.Blocked, conversationId);
        }
    }

    /// <summary>
    /// A step before the activity is sent (or after the connector refused it): stopped by the token there, nothing was
    /// delivered, said with <see cref="DeliveryCancelledException"/>.
    /// </summary>
    private static async Task<T> BeforeSendingAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested && ex is not DeliveryCancelledException)
        {
            throw new DeliveryCancelledException(ex, cancellationToken);
        }
    }

    /// <summary>
    /// A copy of the activity addressed to the reference's conversation, from the bot. A copy, because callers
    /// broadcast one activity to many conversations.
    /// </summary>
    private static Activity Address(Activity activity, ConversationReference reference)
    {
        var copy = JsonSerializer.Deserialize(
            JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Outbound.Activity),
            ProtocolJsonContext.Outbound.Activity)!;
        copy.Conversation = new ConversationAccount
        {
            Id = reference.Conversation!.Id,
            ConversationType = reference.Conversation.ConversationType,
            IsGroup = reference.Conversation.IsGroup,
            TenantId = reference.Conversation.TenantId,
        };
        copy.From ??= reference.Bot is null ? null : new ChannelAccount { Id = reference.Bot.Id, Name = reference.Bot.Name };
        return copy;
    }

    private ChannelAccount? BotAccount()
    {
        var appId = botOptions.Value.MicrosoftAppId;
        if (string.IsNullOrWhiteSpace(appId))
        {
            return null;
        }

        return new ChannelAccount { Id = appId.StartsWith("28:", StringComparison.Ordinal) ? appId : $"28:{appId}" };
    }
}
