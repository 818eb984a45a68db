using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>A user or bot on a channel (spec §1.2). Teams member look-ups add the extra profile fields.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The user's Entra object id.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Informational only (A7511).</summary>
    public string? Role { get; set; }

    public string? GivenName { get; set; }

    public string? Surname { get; set; }

    public string? Email { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? TenantId { get; set; }

    public string? UserRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
