using System.Text.Json;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (spec §5.2).</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary><c>manual</c> for a button press, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; set; }
}
