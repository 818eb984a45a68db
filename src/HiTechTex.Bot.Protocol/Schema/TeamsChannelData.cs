using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>The Teams layout of <c>channelData</c> (spec §1.5). Unknown fields are preserved.</summary>
public sealed class TeamsChannelData
{
    public TeamsInfo? Tenant { get; set; }

    public TeamsInfo? Team { get; set; }

    public TeamsInfo? Channel { get; set; }

    public string? EventType { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
