using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The public address of a session's calendar file (<see cref="CalendarFileEndpoint"/>): <c>Coaching:PublicBaseUrl</c>,
/// else <c>https://{Teams:BotDomain}</c>, else (local runs) the address this host listens on; none when there is
/// no address at all (the card then has no calendar button).
/// </summary>
internal sealed class CalendarLinks(IOptions<CoachingOptions> options, IConfiguration configuration, IServiceProvider services)
{
    public const string PathPrefix = "/coaching/calendar/";

    public string? For(Guid sessionId)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && configuration["Teams:BotDomain"] is { Length: > 0 } domain)
        {
            baseUrl = "https://" + domain;
        }

        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = ListeningAddress();
        }

        return string.IsNullOrWhiteSpace(baseUrl) ? null : $"{baseUrl.TrimEnd('/')}{PathPrefix}{sessionId:D}.ics";
    }

    private string? ListeningAddress()
    {
        // Local default (Playground on the same machine): the host's own address, wildcards read as localhost.
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
