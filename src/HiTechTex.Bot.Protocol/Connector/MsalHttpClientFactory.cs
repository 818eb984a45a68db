using Microsoft.Identity.Client;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// Gives MSAL its HttpClient from <see cref="IHttpClientFactory"/> (named client <see cref="ClientName"/>), so handler
/// lifetime is managed and tests can point the token requests at a local server.
/// </summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string ClientName = "BotConnectorToken";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
