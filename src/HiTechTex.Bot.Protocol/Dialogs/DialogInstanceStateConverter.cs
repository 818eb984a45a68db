using System.Text.Json;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// Reads a <see cref="DialogInstance.State"/> with the dialog stack of a component dialog (its
/// <see cref="ComponentDialog.InnerStateKey"/> entry, when it has exactly a <see cref="DialogState"/>'s shape) as a
/// <see cref="DialogState"/> at once, and every other value as a <see cref="JsonElement"/> as before.
/// </summary>
/// <remarks>
/// Without it each nesting level of a stack (main dialog → profile dialog → prompt) came back as a
/// <see cref="JsonElement"/>, a copy of its JSON, that the component converted again on its turn — the inner levels
/// were copied and parsed once per level above them. A value that only looks similar (other properties besides
/// <c>dialogStack</c>) stays an element, so nothing a dialog stores is reshaped.
/// </remarks>
internal sealed class DialogInstanceStateConverter : JsonConverter<Dictionary<string, object?>>
{
    private static readonly JsonEncodedText DialogStackName = JsonEncodedText.Encode("dialogStack");

    public override Dictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A dialog's state must be a JSON object.");
        }

        var state = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return state;
            }

            var name = reader.GetString()!;
            reader.Read();
            state[name] = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.StartObject when name == ComponentDialog.InnerStateKey && IsDialogState(reader)
                    => JsonSerializer.Deserialize<DialogState>(ref reader, options),
                _ => JsonElement.ParseValue(ref reader),
            };
        }

        throw new JsonException("A dialog's state ended before its closing brace.");
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, object?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, item) in value)
        {
            writer.WritePropertyName(name);
            if (item is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                JsonSerializer.Serialize(writer, item, item.GetType(), options);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>True when the object at the reader is <c>{"dialogStack": [...]}</c> and nothing else (looked at on a copy).</summary>
    private static bool IsDialogState(Utf8JsonReader probe)
    {
        if (!probe.Read() || probe.TokenType != JsonTokenType.PropertyName || !probe.ValueTextEquals(DialogStackName.EncodedUtf8Bytes))
        {
            return false;
        }

        if (!probe.Read() || probe.TokenType != JsonTokenType.StartArray || !probe.TrySkip())
        {
            return false;
        }

        return probe.Read() && probe.TokenType == JsonTokenType.EndObject;
    }
}
