using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Reads the text values of a card submission (<c>Action.Submit</c> value, <c>Action.Execute</c> data), which are
/// untrusted: anybody can post any JSON. A JSON string may hold a lone UTF-16 surrogate (<c>"\ud800"</c> is valid
/// JSON), on which <see cref="JsonElement.GetString"/> throws; and it may hold control characters that no card input
/// produces and that would be stored and shown to others as typed. Both are refused here, so that every feature can
/// answer "this field is not valid" instead of failing the turn or storing them.
/// </summary>
public static class CardInput
{
    /// <summary>
    /// The data of a card click: an <c>Action.Submit</c> message's <c>value</c>, or an <c>Action.Execute</c>'s
    /// <c>value.action.data</c> (an <c>adaptiveCard/action</c> invoke) — the same button read the same way, whichever
    /// of the two the client sent (prompts, forms and the bot's own routing all read clicks through this). Null for anything
    /// else, or data that is no object. Untrusted, as every value this class reads.
    /// </summary>
    public static JsonElement? DataOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        if (!activity.IsType(ActivityTypes.Invoke))
        {
            return activity.IsType(ActivityTypes.Message) ? value : null;
        }

        return IsCardAction(activity)
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                ? data
                : null;
    }

    /// <summary>Whether the activity is an <c>Action.Execute</c> click (an <c>adaptiveCard/action</c> invoke).</summary>
    public static bool IsCardAction(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.Invoke) && string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads the string property <paramref name="name"/> of <paramref name="data"/>. <paramref name="text"/> is the
    /// value as sent (not trimmed), or null when <paramref name="data"/> is not an object or the property is absent
    /// or not a string (callers treat those as "not given").
    /// </summary>
    /// <returns>False when the property is a string that cannot be accepted (see <see cref="IsAcceptable"/>):
    /// <paramref name="text"/> is then null.</returns>
    public static bool TryGetText(JsonElement data, string name, out string? text)
    {
        text = null;
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value))
        {
            return true;
        }

        return TryGetText(value, out text);
    }

    /// <summary>
    /// As <see cref="TryGetText(JsonElement, string, out string?)"/> for the value of a card's input, which a card always
    /// sends as a string: also false for a number, a boolean, an array or an object (only a forged submission sends one),
    /// so that it is refused like unreadable text rather than read as "not given" — which would clear the answer it names.
    /// An absent property or a JSON null is "not given".
    /// </summary>
    public static bool TryGetInputText(JsonElement data, string name, out string? text)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            text = null;
            return false;
        }

        return TryGetText(data, name, out text);
    }

    /// <summary>
    /// The text of a value: null (and true) when it is not a string; false when it is a string that cannot be
    /// accepted (see <see cref="IsAcceptable"/>).
    /// </summary>
    public static bool TryGetText(JsonElement value, out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        string raw;
        try
        {
            raw = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate ("\ud800"): not text at all. GetString is the only reader that unescapes, and it throws.
            return false;
        }

        if (!IsAcceptable(raw))
        {
            return false;
        }

        text = raw;
        return true;
    }

    /// <summary>
    /// True when <paramref name="text"/> holds no control character other than tab, line feed and carriage return
    /// (a multi-line input sends those). NUL, BEL, ESC (terminal escapes in logs), DEL and the C1 controls are
    /// refused rather than stripped: what is stored is then exactly what the user typed, and they are told which field
    /// to correct.
    /// </summary>
    public static bool IsAcceptable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return true;
    }
}
