namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// A write lost an optimistic-concurrency race: the stored ETag of <see cref="Key"/> is not the one the writer
/// read. The turn that gets this must not retry blindly — its view of the state is stale.
/// </summary>
public sealed class StorageConcurrencyException(string key, string? expectedETag, string? actualETag)
    : Exception($"The stored item '{key}' changed since it was read (expected ETag '{expectedETag ?? "<none>"}', found '{actualETag ?? "<none>"}').")
{
    public string Key { get; } = key;

    public string? ExpectedETag { get; } = expectedETag;

    public string? ActualETag { get; } = actualETag;
}
