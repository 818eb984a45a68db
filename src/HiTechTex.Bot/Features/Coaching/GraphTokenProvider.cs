using System.Text.Json.Serialization;
using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// App-only Graph tokens with the client-credentials flow (<c>POST …/oauth2/v2.0/token</c>, scope
/// <c>https://graph.microsoft.com/.default</c>), cached until five minutes before they expire. Tokens go only to the
/// configured Graph host, and only over https (loopback excepted, for local fakes).
/// </summary>
internal sealed class GraphTokenProvider(IHttpClientFactory httpClientFactory, IOptions<GraphOptions> options, TimeProvider timeProvider) : IAccessTokenProvider
{
    public const string HttpClientName = "coaching.graph.token";

    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile string? token;
    private DateTimeOffset expiresAt;

    public AllowedHostsValidator AllowedHostsValidator { get; } = new([new Uri(options.Value.BaseUrl).Host]);

    /// <summary>
    /// Drops the cached token when Graph refused a call with it (401, 403): the roles an admin consents to later are only
    /// in a token issued after, so "Retry calendar sync" must not send the old one again for up to an hour.
    /// </summary>
    public void Forget() => token = null;

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || !SecretBearingAddress.IsAllowed(uri))
        {
            return string.Empty;
        }

        if (token is { } cached && timeProvider.GetUtcNow() < expiresAt)
        {
            return cached;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (token is { } fresh && timeProvider.GetUtcNow() < expiresAt)
            {
                return fresh;
            }

            var settings = options.Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.EffectiveTokenEndpoint)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = settings.ClientId,
                    ["client_secret"] = settings.ClientSecret,
                    ["scope"] = GraphOptions.Scope,
                }),
            };
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The body may echo request details; the status (and when to ask again) is enough to act on.
                throw new TokenEndpointException(response.StatusCode, response.Headers.RetryAfter);
            }

            TokenResponse? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            }
            catch (System.Text.Json.JsonException unreadable)
            {
                // A 200 that is no token (a proxy's page, a cut answer): nothing cached, the outbox tries again later.
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "The token endpoint answered something that is not a token.", unreadable);
            }

            if (body?.AccessToken is not { Length: > 0 })
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, "The token endpoint answered without a token.");
            }

            token = body.AccessToken;
            expiresAt = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, body.ExpiresIn - 300));
            return token;
        }
        finally
        {
            refresh.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
