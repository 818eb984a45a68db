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

    /// <summary>
    /// As <see cref="Render"/>, for a form sent back with the values a refused submission brought (untrusted): each
    /// input's value is cut to what the input takes — its <c>maxLength</c>, its choices — so that a forged over-long field
    /// gets the form naming it rather than a card over the size limit.
    /// </summary>
    Attachment RenderForm(string templateName, JsonNode? data);
}
