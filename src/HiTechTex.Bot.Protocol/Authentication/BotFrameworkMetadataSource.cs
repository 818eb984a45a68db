using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;

namespace HiTechTex.Bot.Protocol.Authentication;

/// <summary>
/// Caches the Bot Framework OpenID metadata (spec §2.1 #9): a <see cref="ConfigurationManager{T}"/> refreshes it in the
/// background every <see cref="AutomaticRefreshInterval"/>; metadata that is <see cref="MaximumAge"/> old or older is
/// refreshed before use; and an unknown <c>kid</c> forces a refresh (<see cref="RefreshAsync"/>).
/// </summary>
/// <remarks>
/// <para>
/// A forced refresh replaces the manager instead of calling <see cref="ConfigurationManager{T}.RequestRefresh"/>:
/// in Microsoft.IdentityModel 8.x, <c>RequestRefresh</c> only schedules a background fetch unless the process-wide
/// AppContext switch <c>Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking</c> is set, so validating again right
/// after it would usually still see the old keys. A new manager's first <c>GetConfigurationAsync</c> blocks until the
/// fetch completes, which gives exactly one fetch and a deterministic retry without touching global switches.
/// </para>
/// <para>
/// Forced refreshes are limited to one per <see cref="MinimumRefreshInterval"/> (the IdentityModel default), so a
/// flood of tokens with made-up <c>kid</c>s cannot turn into a flood of requests to the metadata endpoint.
/// </para>
/// </remarks>
internal sealed class BotFrameworkMetadataSource
{
    /// <summary>How often the manager refreshes in the background. Its jitter adds at most 5 %, so this stays well under 24 h.</summary>
    internal static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>Spec §2.1 #9 / checklist 8: keys must be refreshed at least every 24 h.</summary>
    internal static readonly TimeSpan MaximumAge = TimeSpan.FromHours(24);

    /// <summary>The shortest time between two forced refreshes.</summary>
    internal static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly string metadataAddress;
    private readonly IDocumentRetriever documentRetriever;
    private readonly BotFrameworkMetadataRetriever retriever;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private ConfigurationManager<BotFrameworkMetadata> manager;
    private DateTimeOffset? lastForcedRefresh;

    public BotFrameworkMetadataSource(string metadataAddress, TimeProvider timeProvider, ILogger logger)
    {
        if (!Uri.TryCreate(metadataAddress, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new InvalidOperationException(
                $"{nameof(BotOptions)}.{nameof(BotOptions.OpenIdMetadataUrl)} must be an absolute HTTPS URL (HTTP is allowed only on loopback).");
        }

        this.metadataAddress = metadataAddress;
        this.timeProvider = timeProvider;
        this.logger = logger;
        // HTTP is accepted only for loopback hosts, so tests can serve the metadata from a local server.
        documentRetriever = new BotFrameworkDocumentRetriever();
        retriever = new BotFrameworkMetadataRetriever(timeProvider, logger);
        manager = CreateManager();
    }

    /// <summary>The background refresh interval actually configured on the current manager.</summary>
    internal TimeSpan ManagerAutomaticRefreshInterval => Volatile.Read(ref manager).AutomaticRefreshInterval;

    /// <summary>Returns the current metadata, fetching it first when there is none or when it is too old.</summary>
    public async Task<BotFrameworkMetadata> GetAsync(CancellationToken cancellationToken)
    {
        var metadata = await Volatile.Read(ref manager).GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var age = timeProvider.GetUtcNow() - metadata.FetchedAt;
        if (age < MaximumAge)
        {
            return metadata;
        }

        Log.MetadataTooOld(logger, age);
        return await RefreshAsync(metadata, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches new metadata unless <paramref name="stale"/> has already been replaced or a forced refresh happened
    /// less than <see cref="MinimumRefreshInterval"/> ago. Returns the metadata to use, which is
    /// <paramref name="stale"/> itself when nothing newer could be obtained.
    /// </summary>
    public async Task<BotFrameworkMetadata> RefreshAsync(BotFrameworkMetadata stale, CancellationToken cancellationToken)
    {
        await refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(current, stale))
            {
                // Another request (or the background refresh) already replaced it.
                return current;
            }

            var now = timeProvider.GetUtcNow();
            if (lastForcedRefresh is { } last && now - last < MinimumRefreshInterval)
            {
                return current;
            }

            lastForcedRefresh = now;
            var fresh = CreateManager();
            try
            {
                var metadata = await fresh.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref manager, fresh);
                return metadata;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Stale keys are better than none: keep serving them and try again after MinimumRefreshInterval.
                Log.MetadataRefreshFailed(logger, metadataAddress, ex);
                return current;
            }
        }
        finally
        {
            refreshLock.Release();
        }
    }

    private ConfigurationManager<BotFrameworkMetadata> CreateManager() =>
        new(metadataAddress, retriever, documentRetriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = MinimumRefreshInterval,
        };
}
