using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The public address of a session's calendar file (<see cref="CalendarFileEndpoint"/>): <c>Coaching:PublicBaseUrl</c>,
/// else <c>https://{Teams:BotDomain}</c>; none when neither is set (the card then has no calendar button).
/// </summary>
internal sealed class CalendarLinks(IOptions<CoachingOptions> options, IConfiguration configuration)
{
    public const string PathPrefix = "/coaching/calendar/";

    public string? For(Guid sessionId)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) && configuration["Teams:BotDomain"] is { Length: > 0 } domain)
        {
            baseUrl = "https://" + domain;
        }

        return string.IsNullOrWhiteSpace(baseUrl) ? null : $"{baseUrl.TrimEnd('/')}{PathPrefix}{sessionId:D}.ics";
    }
}
