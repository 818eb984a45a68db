using System.Text.Json;

namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>The body of an <c>adaptiveCard/action</c> response, sent with HTTP 200 (spec §5.2).</summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string PreconditionFailedType = "application/vnd.microsoft.error.preconditionFailed";

    public int StatusCode { get; set; } = 200;

    public string? Type { get; set; }

    public JsonElement? Value { get; set; }

    /// <summary>A card that replaces the card for the requesting user.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new() { StatusCode = 200, Type = CardType, Value = card };

    /// <summary>A short message shown to the user.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new() { StatusCode = 200, Type = MessageType, Value = JsonSerializer.SerializeToElement(text, ProtocolJsonContext.Outbound.String) };

    /// <summary>An error with a code and message, e.g. 400 <c>BadRequest</c> or 412.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message, string type = ErrorType) => new()
    {
        StatusCode = statusCode,
        Type = type,
        Value = JsonSerializer.SerializeToElement(new ErrorDetail { Code = code, Message = message }, ProtocolJsonContext.Outbound.ErrorDetail),
    };
}
