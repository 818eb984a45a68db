namespace HiTechTex.Bot.Hosting;

/// <summary>
/// Where the bot sends a secret of its own (a client secret, an API key): an absolute https address, plain http only on
/// loopback (local fakes and test servers), so the secret never crosses the network in clear.
/// </summary>
internal static class SecretBearingAddress
{
    public static bool IsAllowed(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
