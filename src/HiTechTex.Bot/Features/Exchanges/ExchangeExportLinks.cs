using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The coordinator's CSV export link (<see cref="ExchangeExportEndpoint"/>):
/// <c>{base}/exchanges/export.csv?e={expiry}&amp;s={signature}</c>. Teams shows no file a bot attaches outside the
/// file-consent flow of a 1:1 chat (a <c>data:</c> URL is for images), so the coordinator gets a link to the bot's own
/// host, the approach of the coaching <c>.ics</c> links. The signature (HMAC-SHA256, 128 bits, under a key of its own)
/// binds what the link serves (the export, nothing else: a calendar link's signature opens nothing here), its expiry
/// and the coordinator it was made for — whose id is not in the link: it is checked against the coordinators configured
/// when the file is fetched, so a coordinator removed from <c>Roles:Coordinators</c> can no longer use a link made earlier.
/// Base address as for the calendar links: <c>Exchanges:PublicBaseUrl</c>, else <c>https://{Teams:BotDomain}</c>, else
/// (local runs) the address this host listens on; none without any address. Key: derived from
/// <c>Exchanges:ExportLinkSecret</c>, else from the key stored in the bot's database (<see cref="LinkKeys"/>), so a
/// link works on every instance and after a restart.
/// </summary>
internal sealed class ExchangeExportLinks
{
    public const string Path = "/exchanges/export.csv";

    private const int SignatureBytes = 16;

    // What the link is for, signed with it: a signature for anything else the bot may sign later never opens the export.
    // v2: the coordinator's language is signed too (its labels are in the file).
    private static readonly byte[] Purpose = "htt-exchange-export-csv-v2"u8.ToArray();

    private readonly IOptionsMonitor<ExchangeOptions> options;
    private readonly IOptionsMonitor<RoleOptions> roles;
    private readonly IConfiguration configuration;
    private readonly IServiceProvider services;
    private readonly TimeProvider timeProvider;

    // Derived on first use: the stored key is read once the database is migrated, not when this singleton is built.
    private readonly Lazy<byte[]> key;

    public ExchangeExportLinks(
        IOptionsMonitor<ExchangeOptions> options, IOptionsMonitor<RoleOptions> roles, IConfiguration configuration, IServiceProvider services,
        TimeProvider timeProvider, LinkKeys keys)
    {
        this.options = options;
        this.roles = roles;
        this.configuration = configuration;
        this.services = services;
        this.timeProvider = timeProvider;
        var secret = options.CurrentValue.ExportLinkSecret;
        key = new(() => keys.Derive(secret, "htt-exchange-export-link-v1"), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>How long a new link works.</summary>
    public TimeSpan Lifetime => options.CurrentValue.ExportLinkLifetime;

    /// <summary>
    /// A link to the export for <paramref name="coordinatorAadObjectId"/>, in their <paramref name="language"/> (the
    /// file's status and activity labels; <c>l=</c>, signed), working for <see cref="Lifetime"/>; null when that person
    /// is not a coordinator now, or the bot knows no address of its own.
    /// </summary>
    public string? For(string coordinatorAadObjectId, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(coordinatorAadObjectId);
        if (!IsCoordinator(coordinatorAadObjectId) || BaseUrl() is not { } baseUrl)
        {
            return null;
        }

        var code = ExchangeTexts.Resolve(language).Language;
        var expires = (timeProvider.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return $"{baseUrl.TrimEnd('/')}{Path}?e={expires.ToString(CultureInfo.InvariantCulture)}&l={code}&s={WebEncoders.Base64UrlEncode(Mac(expires, code, coordinatorAadObjectId))}";
    }

    /// <summary>
    /// Whether a link's query (<paramref name="expires"/>, <paramref name="signature"/>, <paramref name="language"/>;
    /// none is English) was made by this bot for the export, has not expired, and was made for somebody who is a
    /// coordinator now.
    /// </summary>
    public ExportLinkCheck Check(string? expires, string? signature, string? language = null)
    {
        language = string.IsNullOrEmpty(language) ? ExchangeTexts.English.Language : language;
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || string.IsNullOrEmpty(signature) || signature.Length > 64
            || !ExchangeTexts.All.Any(t => t.Language == language))
        {
            return ExportLinkCheck.Invalid;
        }

        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(signature);
        }
        catch (FormatException)
        {
            return ExportLinkCheck.Invalid;
        }

        if (given.Length != SignatureBytes
            || !roles.CurrentValue.Coordinators.Any(c => c.Length > 0 && CryptographicOperations.FixedTimeEquals(given, Mac(expiresAt, language, c))))
        {
            return ExportLinkCheck.Invalid;
        }

        // Signed by us: an expiry further ahead than a link is ever given (the lifetime was shortened since) counts from now.
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return now > expiresAt || expiresAt - now > (long)Math.Ceiling(Lifetime.TotalSeconds) ? ExportLinkCheck.Expired : ExportLinkCheck.Valid;
    }

    private bool IsCoordinator(string aadObjectId) =>
        roles.CurrentValue.Coordinators.Any(c => AadObjectIds.Same(c, aadObjectId));

    private byte[] Mac(long expires, string language, string coordinatorAadObjectId)
    {
        // Purpose, expiry, the language (always two letters) and the coordinator (ids compare without case, as the roles do).
        var coordinator = Encoding.UTF8.GetBytes(coordinatorAadObjectId.ToUpperInvariant());
        var code = Encoding.ASCII.GetBytes(language);
        var message = new byte[Purpose.Length + 8 + code.Length + coordinator.Length];
        Purpose.CopyTo(message, 0);
        BinaryPrimitives.WriteInt64BigEndian(message.AsSpan(Purpose.Length, 8), expires);
        code.CopyTo(message, Purpose.Length + 8);
        coordinator.CopyTo(message, Purpose.Length + 8 + code.Length);
        return HMACSHA256.HashData(key.Value, message)[..SignatureBytes];
    }

    private string? BaseUrl() => PublicBaseAddress.Resolve(options.CurrentValue.PublicBaseUrl, configuration, services);
}
