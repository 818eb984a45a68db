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
    /// input keeps only a value it can hold, cut to its <c>maxLength</c> — a choice set the items among its choices, a
    /// date yyyy-MM-dd, a time HH:mm, a number within its min and max (else the input is left empty) — so that a forged
    /// over-long field gets the form naming it rather than a card over the size limit. A toggle keeps only its valueOn or
    /// valueOff; else it shows what it showed in the form rendered from <paramref name="shownData"/> (the data of the
    /// card as it was before the submission: the stored entry), else it is off.
    /// </summary>
    Attachment RenderForm(string templateName, JsonNode? data, JsonNode? shownData = null);
}
