using System.Text.Json;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>The <c>Action.Execute</c> that was invoked.</summary>
public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    public JsonElement? Data { get; set; }
}
