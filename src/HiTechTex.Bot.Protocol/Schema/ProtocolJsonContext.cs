using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>
/// The one source-generated serializer context of the protocol. Outbound: camelCase, nulls omitted (spec §1.1).
/// Inbound: <see cref="Inbound"/>, the same contract but case-insensitive.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(IList<Activity>))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(IList<ChannelAccount>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ErrorDetail))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext
{
    private static ProtocolJsonContext? inbound;
    private static ProtocolJsonContext? outbound;

    /// <summary>For reading what channels send: property names matched case-insensitively (spec §1.1).</summary>
    public static ProtocolJsonContext Inbound => inbound ??= new ProtocolJsonContext(new JsonSerializerOptions(Default.Options)
    {
        PropertyNameCaseInsensitive = true,
    });

    /// <summary>
    /// For writing: camelCase, nulls omitted, and text as it is — "ç", "ě", "ş" and emoji as UTF-8, not as <c>\u00E7</c>
    /// escapes, which made a Portuguese, Czech or Turkish reply up to six times larger on the wire than its text and than
    /// the message size Teams counts (UTF-16, spec §5.1). The same encoder as the Connector client's bodies
    /// (<see cref="WireJsonEncoder"/>); the body is JSON for a JSON reader, never put into HTML, so the HTML-sensitive
    /// characters need no escaping either.
    /// </summary>
    public static ProtocolJsonContext Outbound => outbound ??= new ProtocolJsonContext(new JsonSerializerOptions(Default.Options)
    {
        Encoder = WireJsonEncoder.Instance,
    });
}
