using System.Text.Json;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// Reads the Playground's events recording file (<c>M365_AGENTS_PLAYGROUND_RECORDING_FILE</c>): pretty-printed JSON
/// entries separated by <c>\n---\n</c>, appended while the test reads it.
/// </summary>
public static class PlaygroundRecording
{
    private const string Separator = "\n---\n";

    /// <summary>All complete entries written so far; an entry still being written is skipped until the next read.</summary>
    public static IReadOnlyList<RecordedExchange> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        string content;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            content = reader.ReadToEnd();
        }

        var entries = new List<RecordedExchange>();
        foreach (var chunk in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split(Separator))
        {
            if (string.IsNullOrWhiteSpace(chunk))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(chunk);
                entries.Add(Parse(document.RootElement));
            }
            catch (JsonException)
            {
                // The last entry can be half written; it is complete on a later read.
            }
        }

        return entries;
    }

    private static RecordedExchange Parse(JsonElement root)
    {
        var request = root.TryGetProperty("request", out var r) ? r : default;
        var response = root.TryGetProperty("response", out var s) ? s : default;
        return new RecordedExchange(
            Direction: GetString(root, "direction") ?? "",
            ActivityName: GetString(root, "activityName"),
            ConversationId: GetString(root, "conversationId"),
            Method: GetString(request, "method"),
            Url: GetString(request, "url"),
            StatusCode: response.ValueKind == JsonValueKind.Object
                && response.TryGetProperty("statusCode", out var code)
                && code.TryGetInt32(out var value) ? value : null,
            Body: request.ValueKind == JsonValueKind.Object && request.TryGetProperty("body", out var body) ? body.Clone() : default);
    }

    private static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
