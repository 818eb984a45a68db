using System.Text.Json;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// One stored document and the ETag it had when it was read. <see cref="Value"/> is immutable, so a stored
/// item can be shared between turns without copying.
/// </summary>
/// <param name="Value">The JSON document (a JSON object for bot state).</param>
/// <param name="ETag">
/// On read: the version the store holds. On write: the version the writer read — see <see cref="IStorage.WriteAsync"/>
/// for what <c>null</c> and <c>"*"</c> mean.
/// </param>
public sealed record StoreItem(JsonElement Value, string? ETag);
