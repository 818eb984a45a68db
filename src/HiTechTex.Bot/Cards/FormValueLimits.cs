using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Cards;

/// <summary>
/// Cuts the values of a card's inputs to what each input takes, for a form sent back with what a submission brought
/// (<see cref="ICardRenderer.RenderForm"/>). A submission is untrusted: a forged field of 100,000 characters is refused
/// by the feature's checks, but echoed whole into the form that names it the card went over the size limit and the
/// user got the turn's error instead. The value is wrong anyway (the form says so), and no client would show more.
/// </summary>
internal static class FormValueLimits
{
    /// <summary>
    /// The most an input without a <c>maxLength</c> or choices keeps: longer than any value a date, a time, a number or
    /// a toggle sends ("2026-12-10", "09:00:00").
    /// </summary>
    public const int OtherInputMax = 32;

    /// <summary>Every input's string <c>value</c> in <paramref name="node"/>, cut (never half of an emoji) to <see cref="MaxOf"/>.</summary>
    public static void Cut(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject element:
                if (element["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind.StartsWith("Input.", StringComparison.Ordinal)
                    && element["value"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > MaxOf(element, kind))
                {
                    element["value"] = Utf16Text.Cut(text, MaxOf(element, kind));
                }

                foreach (var (_, child) in element)
                {
                    Cut(child);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Cut(item);
                }

                break;
        }
    }

    /// <summary>
    /// The input's <c>maxLength</c>; for a choice set, all its choices' values with the commas between them (a
    /// multi-select sends some of them so); else <see cref="OtherInputMax"/>.
    /// </summary>
    private static int MaxOf(JsonObject input, string kind)
    {
        if (input["maxLength"] is JsonValue max && max.GetValueKind() == JsonValueKind.Number
            && int.TryParse(max.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0)
        {
            return length;
        }

        if (kind == "Input.ChoiceSet" && input["choices"] is JsonArray choices)
        {
            var all = choices.Sum(c => c?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Length + 1 : 0);
            return Math.Max(all, OtherInputMax);
        }

        return OtherInputMax;
    }
}
