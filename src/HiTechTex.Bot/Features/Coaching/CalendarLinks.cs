using System.Security.Cryptography;
using System.Text;
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
/// listens on; none when there is no address at all (the card then has no calendar button).
/// </summary>
internal sealed class CalendarLinks
{
    public const string PathPrefix = "/coaching/calendar/";

    /// <summary>The shortest <c>Coaching:CalendarLinkSecret</c> accepted.</summary>
    public const int MinSecretLength = 32;

    private const int SignatureBytes = 16;

    private readonly IOptions<CoachingOptions> options;
    private readonly IConfiguration configuration;
    private readonly IServiceProvider services;
    private readonly byte[] key;

    public CalendarLinks(IOptions<CoachingOptions> options, IConfiguration configuration, IServiceProvider services, ILogger<CalendarLinks> logger, IHostEnvironment? environment = null)
    {
        this.options = options;
        this.configuration = configuration;
        this.services = services;
        var secret = options.Value.CalendarLinkSecret;
        if (string.IsNullOrEmpty(secret))
        {
            key = RandomNumberGenerator.GetBytes(32);
            if (environment?.IsDevelopment() != true)
            {
                Log.CalendarLinkKeyPerProcess(logger);
            }
        }
        else
        {
            // Derived, so the configured secret itself is never the MAC key of anything else.
            key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "htt-calendar-link-v1"u8.ToArray());
        }
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
        return HMACSHA256.HashData(key, message)[..SignatureBytes];
    }

    private string? BaseUrl() => PublicBaseAddress.Resolve(options.Value.PublicBaseUrl, configuration, services);
}
