namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// Retry, throttling and size settings of the outbound connector (spec §3.4). The defaults follow the Teams rate-limit
/// guidance; they are settable so tests and unusual tenants can change them.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>Retries after the first attempt for 429/412/502/503/504 (spec §3.4: bounded).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Backoff before the first retry when the server sends no <c>Retry-After</c>; doubles on each retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of a computed backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Random spread applied to computed backoff delays (0.2 = ±20 %).</summary>
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for; a longer one ends the retries with a
    /// <see cref="ConnectorException"/> rather than holding the caller for minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest outbound activity, measured as UTF-16 bytes of its JSON (Teams: 40 KB, spec §3.4).</summary>
    public int MaxActivityBytes { get; set; } = 40 * 1024;

    /// <summary>Sends per conversation in one second (Teams: 7).</summary>
    public int ConversationSendsPerSecond { get; set; } = 7;

    /// <summary>Sends per conversation in 30 seconds (Teams: 60).</summary>
    public int ConversationSendsPer30Seconds { get; set; } = 60;

    /// <summary>Requests per tenant in one second (Teams: 50 per app per tenant).</summary>
    public int TenantRequestsPerSecond { get; set; } = 50;

    /// <summary>The serviceUrl used to create a conversation when none is known (spec §3.2).</summary>
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";
}
