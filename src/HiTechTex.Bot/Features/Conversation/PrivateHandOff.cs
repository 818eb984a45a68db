using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>A card button's request as the 1:1 "let's continue here" card shows it (see <see cref="IJourney.HandOffAsync"/>).</summary>
/// <param name="Request">What was asked, in words (the card quotes it).</param>
/// <param name="Replay">The data of the card's Continue button.</param>
/// <param name="Note">A line for this person under the request (e.g. why there is nothing for them to ask), shown literally.</param>
internal sealed record PrivateHandOff(string Request, JsonObject Replay, string? Note = null);
