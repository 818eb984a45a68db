using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>Activity metadata such as <c>mention</c> or <c>clientInfo</c>; unknown types are kept and ignored.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    /// <summary>For a mention: the account mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For a mention: the literal text of the mention in <c>activity.text</c>, e.g. <c>&lt;at&gt;Bot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>True when this is a mention entity (type compared case-insensitively, as BB does).</summary>
    public bool IsMention => string.Equals(Type, "mention", StringComparison.OrdinalIgnoreCase);
}
