using Microsoft.IdentityModel.Protocols;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>
/// Fetches the OpenID configuration and JWKS documents (HTTPS, plain HTTP only on loopback) and, unlike the stock
/// <c>HttpDocumentRetriever</c>, hands the caller's cancellation to the request itself: that one does not, so a fetch
/// could not be stopped before its <c>HttpClient</c>'s own 100 s timeout, and a metadata server that never answered
/// held the requests waiting for the keys that long (<see cref="BotFrameworkMetadataRetriever.FetchTimeout"/>).
/// </summary>
internal sealed class BotFrameworkDocumentRetriever : IDocumentRetriever
{
    /// <summary>Far more than a JWKS or an OpenID configuration document ever is.</summary>
    internal const int MaxDocumentBytes = 1024 * 1024;

    // One client for the process, as the stock retriever has; pooled connections are renewed so DNS changes are seen.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
    {
        MaxResponseContentBufferSize = MaxDocumentBytes,
    };

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!BotFrameworkMetadataRetriever.IsAllowedKeySetAddress(address))
        {
            throw new ArgumentException("An OpenID document is fetched only over HTTPS (plain HTTP on loopback).", nameof(address));
        }

        using var response = await Client.GetAsync(new Uri(address), cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"The OpenID document at {new Uri(address).GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
