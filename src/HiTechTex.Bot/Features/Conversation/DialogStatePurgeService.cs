using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Once an hour (and at start-up), deletes the conversation-scoped state rows — dialog stacks of 1:1 chats and of each
/// member of a group chat or channel — that nobody has written for longer than <c>Conversation:DialogExpiry</c>:
/// their dialogs would be dropped at the next turn anyway (<see cref="ConversationStates.ExpireIdleDialogAsync"/>),
/// and without this the table only grows. Profiles (user state) are kept. Idempotent and safe on several instances.
/// With an expiry of 0 (keep dialogs forever) nothing is deleted. The channel-thread notes in user state that point to
/// a thread whose state is gone go too (<see cref="ForgetStaleChannelThreadsAsync(BotDbContext, DateTimeOffset, CancellationToken)"/>).
/// </summary>
internal sealed class DialogStatePurgeService(
    IServiceScopeFactory scopeFactory,
    IOptions<ConversationOptions> options,
    TimeProvider timeProvider,
    ILogger<DialogStatePurgeService> logger) : PeriodicBackgroundService(timeProvider)
{
    /// <summary>How often the expired rows are deleted.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    /// <summary>How many user rows with channel-thread notes are read at once.</summary>
    internal const int ChannelThreadBatch = 500;

    /// <summary>How many batches one pass reads at most (the next pass goes on from there).</summary>
    private const int ChannelThreadBatchesPerPass = 20;

    /// <summary>The key the next batch of channel-thread notes starts after (null: from the first).</summary>
    private string? channelThreadsResumeAfter;

    /// <summary>Deletes the expired rows; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var expiry = options.Value.DialogExpiry;
        if (expiry <= TimeSpan.Zero)
        {
            return 0;
        }

        var cutoff = Clock.GetUtcNow() - expiry;
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        // The gate is registered by AddBotPersistence; a hand-built service provider (tests) may go without it.
        using (await (scope.ServiceProvider.GetService<DatabaseWriteGate>()?.EnterAsync(cancellationToken) ?? default))
        {
            // Keys are "{channel}/conversations/{id}" and "{channel}/conversations/{id}/users/{user}"; profiles are "{channel}/users/{user}".
            var deleted = await db.StateItems
                .Where(s => s.Key.Contains("/conversations/") && s.UpdatedAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted > 0)
            {
                Log.DialogStatesPurged(logger, deleted, expiry);
            }

            return deleted + await ForgetStaleChannelThreadsAsync(db, cutoff, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The channel-thread notes in user state (<see cref="ConversationStates"/>: where a member's question waits in a
    /// channel) whose thread has no member state left — ended, expired or purged above — are taken out of user rows
    /// nobody has written since <paramref name="cutoff"/>; a row that held nothing else (someone who never finished the
    /// first-use questions) is deleted, so the note goes with the dialog it pointed to, as the privacy page says. Each
    /// change is made only if the row is still the one read (its ETag): a turn writing it meanwhile wins. Returns the
    /// rows deleted.
    /// </summary>
    private async Task<int> ForgetStaleChannelThreadsAsync(BotDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // The candidates are read a batch at a time, on from the last key looked at — not the first batch again at every
        // pass, which notes still live (a member state kept) would fill for good, and the stale notes after them were then
        // never looked at. A pass goes on from where the last one stopped, at most a few batches; past the last key it
        // starts again from the first.
        var deleted = 0;
        for (var batch = 0; batch < ChannelThreadBatchesPerPass; batch++)
        {
            var (rows, lastKey) = await ForgetStaleChannelThreadsAsync(db, cutoff, channelThreadsResumeAfter, cancellationToken).ConfigureAwait(false);
            deleted += rows;
            channelThreadsResumeAfter = lastKey;
            if (lastKey is null)
            {
                break;
            }
        }

        return deleted;
    }

    /// <summary>
    /// One batch of <see cref="ForgetStaleChannelThreadsAsync(BotDbContext, DateTimeOffset, CancellationToken)"/>: the
    /// candidates after <paramref name="after"/> by key. Returns the rows deleted and the last key read (null when the
    /// batch was the last one).
    /// </summary>
    private static async Task<(int Deleted, string? LastKey)> ForgetStaleChannelThreadsAsync(
        BotDbContext db, DateTimeOffset cutoff, string? after, CancellationToken cancellationToken)
    {
        const string UsersInfix = "/users/";
        var candidates = db.StateItems.AsNoTracking()
            .Where(s => !s.Key.Contains("/conversations/") && s.UpdatedAt < cutoff && s.Document.Contains("\"channelThreads\""));
        if (after is not null)
        {
            candidates = candidates.Where(s => string.Compare(s.Key, after) > 0);
        }

        var rows = await candidates
            .OrderBy(s => s.Key)
            .Take(ChannelThreadBatch)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var lastKey = rows.Count == ChannelThreadBatch ? rows[^1].Key : null;
        // Each note names the member state of its thread: "{channel}/conversations/{thread}/users/{user}". The ones that
        // still exist are read in one query.
        var parsed = new List<(StateItemEntity Row, System.Text.Json.Nodes.JsonObject Document, System.Text.Json.Nodes.JsonObject Notes, Dictionary<string, string?> MemberKeys)>();
        foreach (var row in rows)
        {
            var users = row.Key.IndexOf(UsersInfix, StringComparison.Ordinal);
            if (users <= 0 || ParseOrNull(row.Document) is not System.Text.Json.Nodes.JsonObject document
                || document["channelThreads"] is not System.Text.Json.Nodes.JsonObject notes)
            {
                continue;
            }

            var channelId = row.Key[..users];
            var userId = row.Key[(users + UsersInfix.Length)..];
            parsed.Add((row, document, notes, notes.ToDictionary(
                note => note.Key,
                note => note.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String
                    ? Protocol.State.PrivateConversationState.MembersPrefixOf(channelId, note.Value.GetValue<string>()) + userId
                    : null,
                StringComparer.Ordinal)));
        }

        var memberKeys = parsed.SelectMany(p => p.MemberKeys.Values).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var existing = memberKeys.Count == 0
            ? []
            : (await db.StateItems.AsNoTracking().Where(s => memberKeys.Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var (row, document, notes, keys) in parsed)
        {
            var stale = keys.Where(k => k.Value is null || !existing.Contains(k.Value)).Select(k => k.Key).ToList();
            if (stale.Count == 0)
            {
                continue;
            }

            stale.ForEach(channel => notes.Remove(channel));
            if (notes.Count == 0)
            {
                document.Remove("channelThreads");
            }

            if (document.Count == 0)
            {
                deleted += await db.StateItems.Where(s => s.Key == row.Key && s.ETag == row.ETag).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var text = document.ToJsonString();
                var etag = Guid.NewGuid().ToString("N");
                await db.StateItems.Where(s => s.Key == row.Key && s.ETag == row.ETag)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Document, text).SetProperty(s => s.ETag, etag), cancellationToken).ConfigureAwait(false);
            }
        }

        return (deleted, lastKey);
    }

    /// <summary>
    /// The row's document, or null when it is not JSON (cut short, edited by hand): such a row is left to the user's next
    /// save, which replaces it (<see cref="SqlStorage"/> reads it as empty) — throwing here failed every pass for good.
    /// </summary>
    private static System.Text.Json.Nodes.JsonNode? ParseOrNull(string document)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(document);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    protected override TimeSpan Interval => PurgeInterval;

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => PurgeAsync(stoppingToken);

    // A database hiccup: the rows are still there, the next pass deletes them.
    protected override void PassFailed(Exception exception) => Log.DialogStatePurgeFailed(logger, exception);
}
