using System.Text.Json;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>The serializer options for values held in dialog state (the same as <see cref="BotState"/>'s default).</summary>
internal static class DialogJson
{
    public static JsonSerializerOptions Options => BotState.DefaultJsonOptions;
}
