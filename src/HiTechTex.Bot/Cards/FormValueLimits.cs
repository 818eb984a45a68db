using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Cards;

/// <summary>
/// Keeps in a card's inputs only values each input can hold, for a form sent back with what a submission brought
/// (<see cref="ICardRenderer.RenderForm"/>). A submission is untrusted: a forged field of 100,000 characters is refused
/// by the feature's checks, but echoed whole into the form that names it the card went over the size limit and the
/// user got the turn's error instead; a forged toggle value ("yes": neither its valueOn nor its valueOff) showed the
/// toggle off, so a second Save without looking withdrew what it stood for; an id the choice set does not offer was
/// put in its value. The value is wrong anyway (the form says so), and no client would show it.
/// </summary>
internal static class FormValueLimits
{
    /// <summary>
    /// The most a text input without a <c>maxLength</c> keeps (dates, times, numbers, toggles and choice sets keep only
    /// values they can hold, all shorter).
    /// </summary>
    public const int OtherInputMax = 32;

    /// <summary>
    /// Every input's <c>value</c> in <paramref name="node"/> as its input can hold it: a toggle's only its valueOn or
    /// valueOff; a date's only a yyyy-MM-dd date, a time's only HH:mm (or HH:mm:00, shown as HH:mm), a number's only a
    /// number, each within the input's min and max — else the value the same input has in <paramref name="shown"/> (the
    /// card as it was before the submission) when it can hold that, else none, so the input shows empty (a toggle off)
    /// and its required text shows; a choice set's only the items among its choices; any text cut (never half of an
    /// emoji) to <see cref="MaxOf"/>. A text input's <c>regex</c> is not checked (no template has one, and clients
    /// differ in how they match it).
    /// </summary>
    public static void KeepHoldable(JsonNode? node, JsonNode? shown = null)
    {
        var before = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var input in Inputs(shown))
        {
            if (input["id"] is JsonValue id && id.TryGetValue<string>(out var key))
            {
                before.TryAdd(key, input);
            }
        }

        foreach (var input in Inputs(node).ToList())
        {
            Keep(input, (string)input["type"]!, before);
        }
    }

    /// <summary>The inputs in <paramref name="node"/> (of the body, of a show-card's card, of a column…).</summary>
    private static IEnumerable<JsonObject> Inputs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject element:
                if (element["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind.StartsWith("Input.", StringComparison.Ordinal))
                {
                    yield return element;
                }

                foreach (var (_, child) in element)
                {
                    foreach (var input in Inputs(child))
                    {
                        yield return input;
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    foreach (var input in Inputs(item))
                    {
                        yield return input;
                    }
                }

                break;
        }
    }

    private static void Keep(JsonObject input, string kind, Dictionary<string, JsonObject> before)
    {
        if (input["value"] is not JsonValue value || Text(value) is not { } text)
        {
            return;
        }

        switch (kind)
        {
            case "Input.Toggle":
                KeepOrShown(input, text, before, t => IsToggleValue(input, t) ? t : null, clearable: false);
                return;
            case "Input.ChoiceSet":
                if (input["choices.data"] is null)
                {
                    var offered = Choices(input);
                    var multi = input["isMultiSelect"] is JsonValue m && m.GetValueKind() == JsonValueKind.True;
                    var kept = multi ? string.Join(',', text.Split(',', StringSplitOptions.TrimEntries).Where(offered.Contains).Distinct(StringComparer.Ordinal))
                        : offered.Contains(text) ? text : "";
                    Set(input, kept);
                    return;
                }

                break;
            case "Input.Date":
                KeepOrShown(input, text, before, t => Date(t) is { } date && (Date(Text(input["min"])) is not { } min || date >= min)
                    && (Date(Text(input["max"])) is not { } max || date <= max) ? t : null);
                return;
            case "Input.Time":
                // The input holds HH:mm (the Adaptive Cards schema; clients refuse other values). Some clients send seconds
                // ("09:00:00", which the features read): the same time, shown as HH:mm; "09:00:30" is no time it can show.
                KeepOrShown(input, text, before, t => Time(t) is { } time && (Time(Text(input["min"])) is not { } min || time >= min)
                    && (Time(Text(input["max"])) is not { } max || time <= max) ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : null);
                return;
            case "Input.Number":
                KeepOrShown(input, text, before, t => Number(t) is { } number && (NumberIn(input["min"]) is not { } min || number >= min)
                    && (NumberIn(input["max"]) is not { } max || number <= max) ? t : null);
                return;
        }

        if (text.Length > MaxOf(input, kind))
        {
            input["value"] = Utf16Text.Cut(text, MaxOf(input, kind));
        }
    }

    /// <summary>
    /// The value of <paramref name="text"/> the input can hold (<paramref name="hold"/>: null when none); else the value the
    /// same input had in the card as it was before the submission, when it can hold that — for a toggle what the stored
    /// entry says, not off (which a second Save would store); else none. An empty value of an input that can be cleared (a
    /// date, time or number) stays empty: that is what the user sent.
    /// </summary>
    private static void KeepOrShown(JsonObject input, string text, Dictionary<string, JsonObject> before, Func<string, string?> hold, bool clearable = true)
    {
        var kept = hold(text);
        if (kept == text)
        {
            return;   // held as sent, of the JSON kind sent (a number input's number stays one)
        }

        if (kept is null && (text.Length > 0 || !clearable)
            && input["id"] is JsonValue i && i.TryGetValue<string>(out var id)
            && before.TryGetValue(id, out var shown) && Text(shown["value"]) is { } old)
        {
            kept = hold(old);
        }

        Set(input, kept ?? "");
    }

    /// <summary>A date as the date input writes it (yyyy-MM-dd).</summary>
    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A time as the time input writes it (HH:mm), or with seconds of none ("09:00:00").</summary>
    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Second == 0 ? time : null;

    /// <summary>Whether the toggle sends <paramref name="text"/>: its valueOn or valueOff ("true" and "false" unless given).</summary>
    private static bool IsToggleValue(JsonObject toggle, string text) =>
        text == (Text(toggle["valueOn"]) ?? "true") || text == (Text(toggle["valueOff"]) ?? "false");

    /// <summary>The value <paramref name="kept"/>, or none when nothing is.</summary>
    private static void Set(JsonObject input, string kept)
    {
        if (kept.Length == 0)
        {
            input.Remove("value");
        }
        else
        {
            input["value"] = kept;
        }
    }

    /// <summary>The values of the choice set's choices (as bound: <c>$data</c> already expanded).</summary>
    private static HashSet<string> Choices(JsonObject choiceSet) =>
        choiceSet["choices"] is JsonArray choices
            ? [.. choices.Select(c => Text(c?["value"])).OfType<string>()]
            : [];

    /// <summary>A string as it is, a number or true/false as JSON writes it; null for anything else.</summary>
    private static string? Text(JsonNode? node) =>
        node is not JsonValue value ? null
        : value.TryGetValue<string>(out var text) ? text
        : value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? value.ToJsonString()
        : null;

    private static double? NumberIn(JsonNode? node) => Text(node) is { } text ? Number(text) : null;

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) ? number : null;

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
