using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards.Templating;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Cards;

/// <summary>
/// Binds templates from the store. The size rule is the one of teams-protocol.md §5.1: the bot refuses cards over
/// 28 KB, counted as the UTF-16 length of the card JSON times two — the JSON as it is sent
/// (<see cref="ProtocolJsonContext.Outbound"/>: "č" is one UTF-16 unit, not the six of a <c>\u010D</c> escape, which
/// made a Czech or Turkish exchange form with three full answers count 32 KB and fail; an emoji is its two UTF-16 units,
/// not the twelve of a <c>\uD83D\uDC4B</c> pair, <see cref="WireJsonEncoder"/>).
/// </summary>
public sealed class CardRenderer(ICardTemplateStore store) : ICardRenderer
{
    /// <summary>28 KB.</summary>
    public const int MaxCardBytes = 28 * 1024;

    private static readonly JsonSerializerOptions SizeOptions = new() { Encoder = WireJsonEncoder.Instance };

    public JsonObject RenderCard(string templateName, JsonNode? data) => Checked(templateName, Expand(templateName, data));

    public Attachment Render(string templateName, JsonNode? data) => AsAttachment(RenderCard(templateName, data));

    public Attachment RenderForm(string templateName, JsonNode? data, JsonNode? shownData = null)
    {
        var card = Expand(templateName, data);
        FormValueLimits.KeepHoldable(card, shownData is null ? null : Expand(templateName, shownData));
        return AsAttachment(Checked(templateName, card));
    }

    private JsonObject Expand(string templateName, JsonNode? data) =>
        store.Get(templateName).Expand(data) as JsonObject
            ?? throw new CardTemplateException($"Card template '{templateName}' did not produce a JSON object.");

    private static JsonObject Checked(string templateName, JsonObject card)
    {
        var size = card.ToJsonString(SizeOptions).Length * 2;
        if (size > MaxCardBytes)
        {
            throw new CardTooLargeException(templateName, size, MaxCardBytes);
        }

        return card;
    }

    private static Attachment AsAttachment(JsonObject card) =>
        Attachment.AdaptiveCard(JsonSerializer.SerializeToElement(card, CardsJsonContext.Default.JsonObject));
}
