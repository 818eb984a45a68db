using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// Keeps the bot's own sends within the Teams rate limits (spec §3.4, checklist 31): per conversation at most
/// <see cref="ConnectorOptions.ConversationSendsPerSecond"/> per second and
/// <see cref="ConnectorOptions.ConversationSendsPer30Seconds"/> per 30 seconds, and per tenant at most
/// <see cref="ConnectorOptions.TenantRequestsPerSecond"/> per second, all as sliding windows. A send over a limit
/// waits (on the injected <see cref="TimeProvider"/>) until the oldest counted send leaves the window; it never fails.
/// Thread-safe; register as a singleton so every caller shares the counts.
/// </summary>
public sealed class SendThrottle(IOptions<ConnectorOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ThirtySeconds = TimeSpan.FromSeconds(30);

    // Keys whose history is older than every window are swept once the maps grow past this size.
    private const int SweepThreshold = 1024;

    private readonly ConnectorOptions settings = options.Value;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> tenants = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits until one more request to <paramref name="conversationId"/> in <paramref name="tenantId"/> is within every
    /// limit, then counts it. Either key may be null (not limited on that key).
    /// </summary>
    public async ValueTask WaitAsync(string? conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            lock (gate)
            {
                var now = timeProvider.GetUtcNow();
                var conversation = conversationId is null ? null : History(conversations, conversationId, ThirtySeconds, now);
                var tenant = tenantId is null ? null : History(tenants, tenantId, OneSecond, now);

                wait = Max(
                    WaitFor(conversation, OneSecond, settings.ConversationSendsPerSecond, now),
                    WaitFor(conversation, ThirtySeconds, settings.ConversationSendsPer30Seconds, now),
                    WaitFor(tenant, OneSecond, settings.TenantRequestsPerSecond, now));

                if (wait <= TimeSpan.Zero)
                {
                    conversation?.Add(now);
                    tenant?.Add(now);
                    return;
                }
            }

            // Another waiter may take the freed slot first; the loop then computes a new wait.
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The history of a key with entries older than <paramref name="keep"/> removed.</summary>
    private static List<DateTimeOffset> History(Dictionary<string, List<DateTimeOffset>> map, string key, TimeSpan keep, DateTimeOffset now)
    {
        if (map.Count > SweepThreshold)
        {
            foreach (var staleKey in map.Where(e => e.Value.Count == 0 || e.Value[^1] <= now - keep).Select(e => e.Key).ToList())
            {
                map.Remove(staleKey);
            }
        }

        if (!map.TryGetValue(key, out var history))
        {
            history = [];
            map[key] = history;
        }

        var expired = 0;
        while (expired < history.Count && history[expired] <= now - keep)
        {
            expired++;
        }

        history.RemoveRange(0, expired);
        return history;
    }

    /// <summary>How long until a request fits <paramref name="limit"/> per <paramref name="window"/>; zero if it fits now.</summary>
    private static TimeSpan WaitFor(List<DateTimeOffset>? history, TimeSpan window, int limit, DateTimeOffset now)
    {
        if (history is null || limit <= 0)
        {
            return TimeSpan.Zero;
        }

        // The history is in time order; count the entries still inside the window.
        var inWindow = 0;
        for (var i = history.Count - 1; i >= 0 && history[i] > now - window; i--)
        {
            inWindow++;
        }

        if (inWindow < limit)
        {
            return TimeSpan.Zero;
        }

        // Enough entries must leave the window that one more fits: the (inWindow - limit)-th counted one, oldest first.
        var mustExpire = history[history.Count - inWindow + (inWindow - limit)];
        return mustExpire + window - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);
}
