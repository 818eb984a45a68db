using System.Text.Json;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// An <c>Action.Submit</c> click: a <c>message</c> whose <c>value</c> is an object (spec §5.3, checklist 16).
/// </summary>
/// <param name="Data">The action's <c>data</c> merged with the card's input values.</param>
/// <param name="CardMessageId">The id of the bot message that carried the card (the activity's <c>replyToId</c>).</param>
public sealed record CardSubmission(JsonElement Data, string? CardMessageId);
