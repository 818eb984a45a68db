using System.Text.Json;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// One entry of the Playground's events recording: an activity it sent to the bot, or a call the bot made to the
/// Playground's mock connector, with the status code it got back.
/// </summary>
public sealed record RecordedExchange(
    string Direction,
    string? ActivityName,
    string? ConversationId,
    string? Method,
    string? Url,
    int? StatusCode,
    JsonElement Body)
{
    /// <summary>The direction the Playground writes for calls made by the bot to its connector.</summary>
    public const string FromBot = "User Application -> Microsoft 365 Agents Playground";

    /// <summary>The direction the Playground writes for activities it posts to the bot.</summary>
    public const string ToBot = "Microsoft 365 Agents Playground -> User Application";

    public bool IsFromBot => Direction == FromBot;

    public bool IsToBot => Direction == ToBot;

    /// <summary>The activity's <c>type</c>, from the body.</summary>
    public string? ActivityType => GetString("type");

    public string? Text => GetString("text");

    public bool Succeeded => StatusCode is >= 200 and < 300;

    private string? GetString(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
