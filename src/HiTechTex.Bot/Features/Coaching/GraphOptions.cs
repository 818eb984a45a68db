namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The <c>Graph</c> section: an app registration with application permission Calendars.ReadWrite, used with the
/// client-credentials flow. All three of TenantId, ClientId, ClientSecret set = Graph on; none = off (.ics files).
/// </summary>
internal sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public const string Scope = "https://graph.microsoft.com/.default";

    public string TenantId { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Graph's base URL (tests point it at a local server).</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The token endpoint; empty: <c>https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token</c>.</summary>
    public string TokenEndpoint { get; set; } = "";

    /// <summary>How long one Graph call may take before it counts as a (retried) timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public Uri EffectiveTokenEndpoint => new(string.IsNullOrWhiteSpace(TokenEndpoint)
        ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId)}/oauth2/v2.0/token"
        : TokenEndpoint);
}
