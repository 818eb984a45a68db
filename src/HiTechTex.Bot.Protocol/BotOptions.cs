namespace HiTechTex.Bot.Protocol;

/// <summary>
/// Bot identity and protocol settings, bound from the configuration root with the Bot Framework's key names
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>).
/// </summary>
public sealed class BotOptions
{
    /// <summary><c>SingleTenant</c> (default for new bots) or <c>MultiTenant</c>; outbound tokens use the client secret (no managed identity).</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    /// <summary>The Entra app id of the Azure Bot. Empty means authentication is not configured (every request gets 401).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret. Read from configuration/environment only; never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant id; required for single-tenant bots.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// Accept requests with no Authorization header when no app id is configured. For local development only
    /// (spec §2.4). Never set in production.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedRequests { get; set; }

    /// <summary>The Bot Framework OpenID metadata document (spec §2.1 #2). Configurable so tests use a local server.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of channel tokens (spec §2.1 #3).</summary>
    public string ValidIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The Entra instance used for outbound tokens (spec §3.1).</summary>
    public string LoginEndpoint { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope of outbound connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Hosts (or <c>*.suffix</c> patterns) to which the connector token may be sent besides serviceUrls verified on
    /// authenticated activities (spec §3.3).
    /// </summary>
    public IList<string> TrustedServiceUrlHosts { get; set; } =
        ["smba.trafficmanager.net", "*.teams.microsoft.com", "*.teams.microsoft.us", "*.botframework.com"];

    /// <summary>True when an app id is configured.</summary>
    public bool IsAuthenticationConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
