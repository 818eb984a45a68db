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
/// <para>
/// The stock <c>OpenIdConnectConfigurationRetriever</c> would fetch the JWKS too, but it does not expose the
/// <c>endorsements</c> member reliably, and a second fetch of our own could see a different key set during a rotation.
/// </para>
/// <para>
/// Both fetches together get <see cref="FetchTimeout"/>. The first fetch holds every inbound request (none can be
/// authenticated without keys), and the stock retriever's <c>HttpClient</c> waits 100 s for a server that accepts the
/// connection and never answers — far past the time Teams waits for the bot — so a hanging metadata server kept every
/// message hanging that long. Past the timeout the fetch fails like an unreachable server (401 "OpenID metadata
/// unavailable", log 1106; with keys already cached, they are kept).
/// </para>
/// </remarks>
internal sealed class BotFrameworkMetadataRetriever(TimeProvider timeProvider, ILogger logger)
    : IConfigurationRetriever<BotFrameworkMetadata>
{
    /// <summary>The longest the OpenID configuration and its JWKS together may take to arrive.</summary>
    internal static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    public async Task<BotFrameworkMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        using var timeout = new CancellationTokenSource(FetchTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, timeout.Token);
        try
        {
            return await FetchAsync(address, retriever, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (timeout.IsCancellationRequested && !cancel.IsCancellationRequested)
        {
            // The retriever reports a cancelled fetch as cancelled or as an I/O failure: either way, a timeout here.
            throw new TimeoutException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The OpenID metadata and signing keys did not arrive within {FetchTimeout.TotalSeconds:0} s."), ex);
        }
    }

    private async Task<BotFrameworkMetadata> FetchAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
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
