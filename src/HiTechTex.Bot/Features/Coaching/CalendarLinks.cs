using System.Security.Cryptography;
using HiTechTex.Bot.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The links to a session's calendar file (<see cref="CalendarFileEndpoint"/>), one per registration:
/// <c>{base}/coaching/calendar/{sessionId}.ics?r={registrationId}&amp;s={signature}</c>. The signature (HMAC-SHA256 of
/// session and registration, 128 bits) is what lets the endpoint serve without a Teams token and still only to the
/// person the card was for: a session id alone (it is in the data of every session card) opens nothing. Base address:
/// <c>Coaching:PublicBaseUrl</c>, else <c>https://{Teams:BotDomain}</c>, else (local runs) the address this host
/// listens on; none when there is no address at all (the card then has no calendar button). Key: derived from
/// <c>Coaching:CalendarLinkSecret</c>, else from the key stored in the bot's database (<see cref="LinkKeys"/>), so a
/// link works on every instance and after a restart.
/// </summary>
internal sealed class CalendarLinks
{
    public const string PathPrefix = "/coaching/calendar/";

    private const int SignatureBytes = 16;

    private readonly IOptions<CoachingOptions> options;
    private readonly IConfiguration configuration;
    private readonly IServiceProvider services;

    // Derived on first use: the stored key is read once the database is migrated, not when this singleton is built.
    private readonly Lazy<byte[]> key;

    public CalendarLinks(IOptions<CoachingOptions> options, IConfiguration configuration, IServiceProvider services, LinkKeys keys)
    {
        this.options = options;
        this.configuration = configuration;
        this.services = services;
        var secret = options.Value.CalendarLinkSecret;
        key = new(() => keys.Derive(secret, "htt-calendar-link-v1"), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The calendar-file link of <paramref name="registration"/>'s session for its participant.</summary>
    public string? For(CoachingRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var baseUrl = BaseUrl();
        return string.IsNullOrWhiteSpace(baseUrl)
            ? null
            : $"{baseUrl.TrimEnd('/')}{PathPrefix}{registration.SessionId:D}.ics?r={registration.Id:N}&s={Sign(registration.SessionId, registration.Id)}";
    }

    /// <summary>True when <paramref name="signature"/> was made by this bot for that session and registration.</summary>
    public bool IsValid(Guid sessionId, Guid registrationId, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return given.Length == SignatureBytes && CryptographicOperations.FixedTimeEquals(given, Mac(sessionId, registrationId));
    }

    private string Sign(Guid sessionId, Guid registrationId) => WebEncoders.Base64UrlEncode(Mac(sessionId, registrationId));

    private byte[] Mac(Guid sessionId, Guid registrationId)
    {
        Span<byte> message = stackalloc byte[32];
        sessionId.TryWriteBytes(message[..16]);
        registrationId.TryWriteBytes(message[16..]);
        return HMACSHA256.HashData(key.Value, message)[..SignatureBytes];
    }

    private string? BaseUrl() => PublicBaseAddress.Resolve(options.Value.PublicBaseUrl, configuration, services);
}
