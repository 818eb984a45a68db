using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// The serviceUrls the connector token may go to (spec §3.3): authorities (scheme, host, port; case-insensitive)
/// recorded from authenticated activities, plus HTTPS hosts matching <see cref="BotOptions.TrustedServiceUrlHosts"/>
/// (an exact host or <c>*.suffix</c>). The allow-list matters after a restart, when stored references are used
/// before any activity has re-verified their serviceUrl. Thread-safe; register as a singleton.
/// </summary>
public sealed class TrustedServiceUrls(IOptions<BotOptions> options) : ITrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> verified = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] allowedHosts = [.. options.Value.TrustedServiceUrlHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim())];

    /// <inheritdoc />
    public void Trust(string serviceUrl)
    {
        if (TryGetAuthority(serviceUrl, out var uri))
        {
            verified.TryAdd(uri.GetLeftPart(UriPartial.Authority), 0);
        }
    }

    /// <inheritdoc />
    public bool IsTrusted(string serviceUrl)
    {
        if (!TryGetAuthority(serviceUrl, out var uri))
        {
            return false;
        }

        if (verified.ContainsKey(uri.GetLeftPart(UriPartial.Authority)))
        {
            return true;
        }

        // Allow-listed hosts only over HTTPS: the token must never travel in clear text.
        return uri.Scheme == Uri.UriSchemeHttps && allowedHosts.Any(pattern => HostMatches(uri.IdnHost, pattern));
    }

    private static bool HostMatches(string host, string pattern)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            // "*.teams.microsoft.com" matches "smba.teams.microsoft.com" but neither "teams.microsoft.com" nor "evilteams.microsoft.com".
            return host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1;
        }

        return string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryGetAuthority(string? serviceUrl, out Uri uri) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out uri!) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        string.IsNullOrEmpty(uri.UserInfo);
}
