using System.Text.Json;

namespace HiTechTex.Bot.Testing.Cards;

/// <summary>Walks an Adaptive Card's JSON for assertions.</summary>
public static class CardJson
{
    /// <summary>Every object with a <c>type</c> (elements, inlines, actions, inputs), at any depth, in document order.</summary>
    public static IEnumerable<JsonElement> Elements(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out _) ? [element] : Enumerable.Empty<JsonElement>())
            .Concat(element.EnumerateObject().SelectMany(p => Elements(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Elements),
        _ => [],
    };

    /// <summary>The <c>text</c> of every element that has one (TextBlocks, TextRuns…), in document order.</summary>
    public static IEnumerable<string> Texts(JsonElement card) =>
        Elements(card).Where(e => e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String).Select(e => e.GetProperty("text").GetString()!);

    /// <summary>The string <c>value</c> of the input whose <c>id</c> is <paramref name="id"/>, null when there is none.</summary>
    public static string? InputValue(JsonElement card, string id) =>
        Elements(card).Where(e => e.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() == id
                && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
            .Select(e => e.GetProperty("value").GetString())
            .FirstOrDefault();
}
