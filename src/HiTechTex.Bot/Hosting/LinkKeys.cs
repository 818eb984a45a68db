using System.Security.Cryptography;
using System.Text;

namespace HiTechTex.Bot.Hosting;

/// <summary>
/// The keys that sign the bot's own links (calendar files, the exchanges export), one per purpose: HKDF-SHA256 with the
/// purpose's label, from the feature's configured secret when there is one, else from the key kept in the bot's
/// database (<see cref="Persistence.StoredSigningKey"/>), which is the same on every instance and after a restart.
/// Neither the secret nor the stored key is itself the MAC key of anything, and one purpose's key signs nothing of
/// another's.
/// </summary>
internal sealed class LinkKeys(Func<byte[]> storedKey)
{
    /// <summary>The size of a derived key, in bytes.</summary>
    public const int KeyBytes = 32;

    /// <summary>The shortest configured link secret accepted, in characters.</summary>
    public const int MinSecretLength = 32;

    /// <summary>The fewest different characters a configured link secret has (32 spaces or "aaaa…" is a length, not a secret).</summary>
    public const int MinDistinctCharacters = 8;

    /// <summary>
    /// Why <paramref name="secret"/>, the value of the setting <paramref name="key"/>, cannot sign links, or null: empty
    /// (the stored key signs) or at least <see cref="MinSecretLength"/> characters of at least
    /// <see cref="MinDistinctCharacters"/> different ones besides white space. The value itself is never in the answer.
    /// </summary>
    public static string? SecretProblem(string key, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length == 0
            || (secret.Length >= MinSecretLength && secret.Where(c => !char.IsWhiteSpace(c)).Distinct().Count() >= MinDistinctCharacters)
            ? null
            : $"{key} must be at least {MinSecretLength} characters with at least {MinDistinctCharacters} different ones besides spaces — a random value such as `openssl rand -base64 48` — or empty for the key stored in the database.";
    }

    /// <summary>The key for <paramref name="label"/>'s links: from <paramref name="configuredSecret"/>, else from the stored key.</summary>
    public byte[] Derive(string? configuredSecret, string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var material = string.IsNullOrEmpty(configuredSecret) ? storedKey() : Encoding.UTF8.GetBytes(configuredSecret);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, KeyBytes, info: Encoding.ASCII.GetBytes(label));
    }
}
