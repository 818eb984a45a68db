using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Cards;

/// <summary>Binds a card template with data and wraps the card as an attachment.</summary>
public interface ICardRenderer
{
    /// <summary>The card JSON; throws <see cref="CardTooLargeException"/> over the size limit.</summary>
    JsonObject RenderCard(string templateName, JsonNode? data);

    /// <summary>The card as an Adaptive Card attachment.</summary>
    Attachment Render(string templateName, JsonNode? data);
}
