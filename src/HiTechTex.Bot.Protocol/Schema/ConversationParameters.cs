using System.Text.Json;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>Body of <c>POST /v3/conversations</c> (spec §3.2).</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IList<ChannelAccount>? Members { get; set; }

    public string? TopicName { get; set; }

    public string? TenantId { get; set; }

    public Activity? Activity { get; set; }

    public JsonElement? ChannelData { get; set; }
}
