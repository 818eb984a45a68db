namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>
/// Sends every request to a local server instead of its real host, keeping path and query, so MSAL runs unchanged
/// against <c>https://login.microsoftonline.com/…</c> while a <see cref="HiTechTex.Bot.Testing.LocalHttpServer"/> answers.
/// </summary>
internal sealed class RedirectToLocalHandler(string baseUrl) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly Uri target = new(baseUrl);

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
