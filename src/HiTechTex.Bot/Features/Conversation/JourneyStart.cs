using System.Text.Json;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>How a journey was started: what was understood, what was typed, and the card action with its data.</summary>
/// <param name="Intent">The intent (from text, or mapped from the welcome card's button).</param>
/// <param name="Entities">What the recognizer found in the text; empty for a card action.</param>
/// <param name="Text">The message text, trimmed; null for a card action.</param>
/// <param name="CardAction">The card's <c>data.action</c>, when a card button started it.</param>
/// <param name="CardData">The whole card data (inputs included) of that button; untrusted input — validate it.</param>
internal sealed record JourneyStart(Intent Intent, IntentEntities Entities, string? Text, string? CardAction, JsonElement? CardData);
