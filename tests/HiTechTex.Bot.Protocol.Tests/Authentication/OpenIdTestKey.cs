using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace HiTechTex.Bot.Protocol.Tests.Authentication;

/// <summary>An RSA signing key generated for a test, with the JWKS entry an <see cref="OpenIdTestServer"/> serves for it.</summary>
public sealed class OpenIdTestKey : IDisposable
{
    /// <summary>The endorsements the Bot Framework JWKS carries for Teams keys.</summary>
    public static readonly IReadOnlyList<string> TeamsEndorsements = ["msteams"];

    // Generating 2048-bit RSA keys is the slowest step of a test, so keys come from a small pool generated once per
    // process. Pooled RSA instances are shared and never disposed: IdentityModel caches signature providers by key
    // thumbprint, so a disposed instance with the same material would be picked up again by a later test.
    private static readonly Lazy<RSA[]> Pool = new(() => [.. Enumerable.Range(0, 8).AsParallel().Select(_ => RSA.Create(2048))]);

    private static int nextPoolIndex = -1;

    private readonly RSA rsa;
    private readonly bool ownsKey;

    private OpenIdTestKey(string keyId, RSA rsa, bool ownsKey, IReadOnlyList<string>? endorsements)
    {
        this.ownsKey = ownsKey;
        KeyId = keyId;
        this.rsa = rsa;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    /// <summary>The <c>endorsements</c> member of the JWKS entry; null means the entry has no such member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The private key, for signing test tokens.</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>
    /// Creates a 2048-bit RSA key. <paramref name="endorsements"/> null means no <c>endorsements</c> member.
    /// The key material is taken from a shared pool, so two keys may share it; pass
    /// <paramref name="freshKeyMaterial"/> when a test needs material no other key has (e.g. a forged signature).
    /// </summary>
    public static OpenIdTestKey Create(string? keyId = null, IReadOnlyList<string>? endorsements = null, bool freshKeyMaterial = false)
    {
        keyId ??= Guid.NewGuid().ToString("N");
        if (freshKeyMaterial)
        {
            return new(keyId, RSA.Create(2048), ownsKey: true, endorsements);
        }

        var pool = Pool.Value;
        return new(keyId, pool[(int)((uint)Interlocked.Increment(ref nextPoolIndex) % pool.Length)], ownsKey: false, endorsements);
    }

    /// <summary>RS256 credentials (or <paramref name="algorithm"/>) with this key; the token's <c>kid</c> is <see cref="KeyId"/>.</summary>
    public SigningCredentials SigningCredentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The public JWKS entry, shaped like the Bot Framework's (<c>kty, use, kid, n, e[, endorsements]</c>).</summary>
    public JsonObject ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose()
    {
        if (ownsKey)
        {
            rsa.Dispose();
        }
    }
}
