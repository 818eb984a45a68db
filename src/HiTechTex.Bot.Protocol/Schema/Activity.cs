using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity. Only the fields the bot uses are typed; every other field is kept in
/// <see cref="Properties"/> so that a round trip loses nothing (spec §1.1).
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type, for example <c>message</c> (compared ordinally).</summary>
    public string? Type { get; set; }

    /// <summary>Channel-assigned id; bots do not send one.</summary>
    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The sender's local time with its offset, as sent by the channel (kept as text to preserve it).</summary>
    public string? LocalTimestamp { get; set; }

    /// <summary>The sender's IANA time zone name.</summary>
    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public string? Text { get; set; }

    public string? Summary { get; set; }

    public string? Locale { get; set; }

    public string? Speak { get; set; }

    public string? InputHint { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public JsonElement? Value { get; set; }

    public string? ValueType { get; set; }

    public string? Name { get; set; }

    public string? DeliveryMode { get; set; }

    public string? CallerId { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public JsonElement? ReactionsAdded { get; set; }

    public JsonElement? ReactionsRemoved { get; set; }

    public JsonElement? SuggestedActions { get; set; }

    public string? Importance { get; set; }

    public DateTimeOffset? Expiration { get; set; }

    /// <summary>Every field this type does not name, preserved verbatim.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Creates an outbound message activity.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>True when <see cref="Type"/> equals <paramref name="type"/> (ordinal, spec §1.1).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>
    /// True in a conversation with more than one person besides the bot: a Teams group chat or channel
    /// (<c>conversation.isGroup</c>, or <c>conversationType</c> <c>groupChat</c>/<c>channel</c>).
    /// </summary>
    public bool IsGroupConversation() =>
        Conversation is { } conversation
        && (conversation.IsGroup == true
            || string.Equals(conversation.ConversationType, "groupChat", StringComparison.Ordinal)
            || string.Equals(conversation.ConversationType, "channel", StringComparison.Ordinal));

    /// <summary>The typed Teams channel data, or an empty one.</summary>
    public TeamsChannelData GetTeamsChannelData()
    {
        if (ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return new TeamsChannelData();
        }

        try
        {
            return data.Deserialize(ProtocolJsonContext.Inbound.TeamsChannelData) ?? new TeamsChannelData();
        }
        catch (JsonException)
        {
            return new TeamsChannelData();
        }
    }

    /// <summary>The tenant id from <c>conversation.tenantId</c> or <c>channelData.tenant.id</c>.</summary>
    public string? GetTenantId() => Conversation?.TenantId ?? GetTeamsChannelData().Tenant?.Id;

    /// <summary>
    /// Creates a reply addressed back to the sender: from/recipient swapped, same conversation,
    /// <c>replyToId</c> set (spec §3.2).
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            Name = Conversation.Name,
            IsGroup = Conversation.IsGroup,
            ConversationType = Conversation.ConversationType,
            TenantId = Conversation.TenantId,
        },
        ReplyToId = Id,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Locale = Locale,
    };

    /// <summary>A reference to this activity's conversation, for proactive messages (spec §3.3).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };
}
