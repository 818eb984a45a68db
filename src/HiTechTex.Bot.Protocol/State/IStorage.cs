namespace HiTechTex.Bot.Protocol.State;

/// <summary>
/// A key/value document store with optimistic concurrency, the persistence behind <see cref="BotState"/>.
/// </summary>
/// <remarks>
/// ETag rules for <see cref="WriteAsync"/>, which every implementation must follow:
/// <list type="bullet">
/// <item><c>null</c> or empty — insert only: the write fails if the key already exists (someone else created it
/// since we read "nothing").</item>
/// <item><c>"*"</c> — unconditional: the write replaces whatever is stored (used by a forced save).</item>
/// <item>any other value — the write succeeds only if the stored ETag is exactly that value; a missing key
/// (deleted since it was read) is a conflict too.</item>
/// </list>
/// A conflict on any item fails the whole batch with <see cref="StorageConcurrencyException"/> and writes nothing.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads the items that exist; missing keys are simply absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes the items under the ETag rules above and returns the new ETag of each key.</summary>
    /// <exception cref="StorageConcurrencyException">A stored ETag differs from the one given.</exception>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the keys unconditionally; missing keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}
