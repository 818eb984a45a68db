using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>A conversation (spec §1.2). Its id is opaque and must be URL-escaped in paths.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> in Teams.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
