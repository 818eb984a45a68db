using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// What a card verb answers: the card, and the application when the card shows it (its current view for the actor) —
/// null for the polite error card, which is not an application's card and is never recorded for later updates.
/// </summary>
internal sealed record ExchangeCardAnswer(JsonObject Card, ExchangeApplication? Application);
