using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HiTechTex.Bot.Hosting;

/// <summary>
/// The public address the bot's own links start with (calendar files, exports): the feature's configured base URL,
/// else <c>https://{Teams:BotDomain}</c>, else (local runs, the Playground on the same machine) the address this host
/// listens on, wildcards read as localhost; null when there is none at all.
/// </summary>
internal static class PublicBaseAddress
{
    /// <summary>
    /// The start-up rule for a configured public base URL (<c>Coaching:PublicBaseUrl</c>, <c>Exchanges:PublicBaseUrl</c>):
    /// empty, or an absolute http(s) address without a user name and password, a query or a fragment (links are built
    /// by appending a path to it, and every card with a link would carry them);
    /// the message names the key, never the value.
    /// </summary>
    public static string? Problem(string key, string value) =>
        value.Length == 0
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? null
            : $"{key} must be an absolute http(s) address without a user name and password, a query or a fragment (or empty).";

    public static string? Resolve(string? configured, IConfiguration configuration, IServiceProvider services)
    {
        var baseUrl = configured;
        if (string.IsNullOrWhiteSpace(baseUrl) && configuration["Teams:BotDomain"] is { Length: > 0 } domain)
        {
            baseUrl = "https://" + domain;
        }

        return string.IsNullOrWhiteSpace(baseUrl) ? ListeningAddress(services) : baseUrl;
    }

    private static string? ListeningAddress(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
