using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>A tenant, team or channel in Teams channel data: an id and sometimes a name.</summary>
public sealed class TeamsInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
