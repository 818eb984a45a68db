using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>
/// Fetches the OpenID configuration document and then its <c>jwks_uri</c> once, and builds both the signing keys and
/// the <c>kid → endorsements</c> map (spec §2.1 #8) from that single JWKS response.
/// </summary>
/// <remarks>
/// The stock <c>OpenIdConnectConfigurationRetriever</c> would fetch the JWKS too, but it does not expose the
/// <c>endorsements</c> member reliably, and a second fetch of our own could see a different key set during a rotation.
/// </remarks>
internal sealed class BotFrameworkMetadataRetriever(TimeProvider timeProvider, ILogger logger)
    : IConfigurationRetriever<BotFrameworkMetadata>
{
    public async Task<BotFrameworkMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadataJson = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        var configuration = OpenIdConnectConfiguration.Create(metadataJson);
        if (!IsAllowedKeySetAddress(configuration.JwksUri))
        {
            throw new InvalidOperationException("The OpenID metadata has no usable jwks_uri (an absolute HTTPS URL, or HTTP on loopback).");
        }

        var keySetJson = await retriever.GetDocumentAsync(configuration.JwksUri, cancel).ConfigureAwait(false);
        var keySet = new JsonWebKeySet(keySetJson);
        configuration.JsonWebKeySet = keySet;
        var signingKeys = keySet.GetSigningKeys();
        foreach (var key in signingKeys)
        {
            configuration.SigningKeys.Add(key);
        }

        var endorsements = ReadEndorsements(keySetJson);
        Log.MetadataLoaded(logger, address, signingKeys.Count);
        return new BotFrameworkMetadata(configuration, [.. signingKeys], endorsements, timeProvider.GetUtcNow());
    }

    /// <summary>Reads <c>kid → endorsements</c>. A malformed <c>endorsements</c> member counts as an empty list (fail closed).</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadEndorsements(string keySetJson)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(keySetJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return map;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var endorsements))
            {
                continue;
            }

            map[kid.GetString()!] = endorsements.ValueKind == JsonValueKind.Array
                ? [.. endorsements.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : [];
        }

        return map;
    }

    /// <summary>HTTPS anywhere, plain HTTP only on loopback (local test servers).</summary>
    internal static bool IsAllowedKeySetAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
