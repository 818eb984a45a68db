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
