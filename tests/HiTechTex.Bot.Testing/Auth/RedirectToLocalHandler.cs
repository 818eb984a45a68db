namespace HiTechTex.Bot.Testing.Auth;

/// <summary>
/// Sends every request to a local server instead of its real host, keeping path and query, so MSAL runs unchanged
/// against <c>https://login.microsoftonline.com/…</c> while a <see cref="HiTechTex.Bot.Testing.LocalHttpServer"/> answers.
/// </summary>
public sealed class RedirectToLocalHandler : DelegatingHandler
{
    private readonly Uri target;

    /// <param name="baseUrl">The local server's base address.</param>
    /// <param name="standalone">True to own a socket handler; false when an IHttpClientFactory pipeline supplies the inner handler.</param>
    public RedirectToLocalHandler(string baseUrl, bool standalone = true)
    {
        target = new Uri(baseUrl);
        if (standalone)
        {
            InnerHandler = new SocketsHttpHandler();
        }
    }

    public List<Uri> OriginalUris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (OriginalUris)
        {
            OriginalUris.Add(request.RequestUri!);
        }

        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
