namespace HiTechTex.Bot.Hosting;

/// <summary>
/// Where the bot sends a secret of its own (a client secret, an API key): an absolute https address, plain http only on
/// loopback (local fakes and test servers), so the secret never crosses the network in clear.
/// </summary>
internal static class SecretBearingAddress
{
    public static bool IsAllowed(string? address) => Uri.TryCreate(address, UriKind.Absolute, out var uri) && IsAllowed(uri);

    /// <summary>The same rule for an address already parsed (a request's, before its bearer token is attached).</summary>
    public static bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
    }
}
