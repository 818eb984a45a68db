using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// One entry of the dialog stack: which dialog runs and its persisted state. Values in <see cref="State"/> come
/// back from storage as <see cref="System.Text.Json.JsonElement"/>; read them with <see cref="DialogStateValues"/>.
/// </summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = "";

    [JsonConverter(typeof(DialogInstanceStateConverter))]
    public Dictionary<string, object?> State { get; set; } = new(StringComparer.Ordinal);
}
