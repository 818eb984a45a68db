namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>
/// The result of an invoke: <see cref="Status"/> becomes the HTTP status and <see cref="Body"/> the HTTP body
/// (never the wrapper), spec §4.2. The body must be a type registered in <see cref="ProtocolJsonContext"/>
/// or a <see cref="System.Text.Json.JsonElement"/>.
/// </summary>
public sealed record InvokeResponse(int Status, object? Body = null);
