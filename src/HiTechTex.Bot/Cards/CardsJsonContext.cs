using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HiTechTex.Bot.Cards;

/// <summary>Source-generated JSON metadata for the card types (no reflection-based serialization).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class CardsJsonContext : JsonSerializerContext;
