using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>A card or file attached to an activity. Never both <see cref="Content"/> and <see cref="ContentUrl"/>.</summary>
public sealed class Attachment
{
    /// <summary>The MIME type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Wraps an Adaptive Card JSON object as an attachment.</summary>
    public static Attachment AdaptiveCard(JsonElement card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
