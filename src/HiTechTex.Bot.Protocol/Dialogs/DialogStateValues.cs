using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// Typed reads of dialog state values. A value set in this turn is the object itself; a value read back from
/// storage is a <see cref="JsonElement"/> — both convert here.
/// </summary>
public static class DialogStateValues
{
    /// <summary>Converts a state value to <typeparamref name="T"/> (default when absent or null).</summary>
    public static T? Convert<T>(object? value) => value switch
    {
        null => default,
        T typed => typed,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => default,
        JsonElement element => element.Deserialize<T>(DialogJson.Options),
        JsonNode node => node.Deserialize<T>(DialogJson.Options),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), DialogJson.Options).Deserialize<T>(DialogJson.Options),
    };

    /// <summary>Reads <paramref name="key"/> from <paramref name="state"/> as <typeparamref name="T"/>.</summary>
    public static T? GetValue<T>(this IDictionary<string, object?> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.TryGetValue(key, out var value) ? Convert<T>(value) : default;
    }

    /// <summary>Reads <paramref name="key"/>; false when absent or null.</summary>
    public static bool TryGetValue<T>(this IDictionary<string, object?> state, string key, [NotNullWhen(true)] out T? value)
    {
        ArgumentNullException.ThrowIfNull(state);
        value = state.TryGetValue(key, out var raw) ? Convert<T>(raw) : default;
        return value is not null;
    }

    /// <summary>
    /// Reads a mutable container (dictionary, <see cref="DialogState"/>, options) and stores the converted
    /// object back, so that changes to it are persisted.
    /// </summary>
    internal static T? GetLive<T>(IDictionary<string, object?> state, string key)
        where T : class
    {
        if (!state.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is T typed)
        {
            return typed;
        }

        var converted = Convert<T>(value);
        state[key] = converted;
        return converted;
    }
}
