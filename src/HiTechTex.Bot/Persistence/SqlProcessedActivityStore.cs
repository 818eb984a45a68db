using System.Data.Common;
using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Processed activity ids in the bot's database (table <c>ProcessedActivities</c>). The mark is one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> on the (channel, conversation, activity) key: one affected row means
/// "first time", none means "seen before", atomically across bot instances. Every <see cref="CleanupEvery"/>th
/// mark also deletes the entries older than <see cref="Retention"/> (Teams only redelivers within minutes).
/// </summary>
/// <remarks>
/// A singleton over <see cref="SqlSessionPool"/>, like <see cref="SqlStorage"/>. The first mark of an activity also
/// re-activates the conversation's stored reference if it was marked inactive (a 403 <c>MessageWritesBlocked</c> on a
/// proactive send, possibly by another instance): an inbound activity shows the conversation takes messages again, and
/// the reference middleware, which skips references it remembers as saved, cannot know what another instance did. In
/// the claim's own write (on SQLite the same group commit), an indexed look-up that writes nothing when the reference
/// is active or absent.
/// </remarks>
/// <remarks>
/// With <paramref name="references"/>, the first mark of an activity can also store the conversation's reference in the
/// same write (<see cref="TryMarkProcessedAsync(string, string, string, ConversationReference?, CancellationToken)"/>):
/// on SQLite one pending write of the group commit instead of two, on PostgreSQL one transaction.
/// </remarks>
internal sealed class SqlProcessedActivityStore(SqlSessionPool pool, TimeProvider timeProvider, SqlConversationReferenceStore? references = null,
    ILogger<SqlProcessedActivityStore>? logger = null)
    : IProcessedActivityStore
{
    private static readonly DateTimeOffsetToBinaryConverter ProcessedAtConverter = new();

    private static readonly SqlStatement Mark = new("""
        INSERT INTO "ProcessedActivities" ("ChannelId", "ConversationId", "ActivityId", "ProcessedAt")
        VALUES (@channelId, @conversationId, @activityId, @processedAt)
        ON CONFLICT DO NOTHING
        """, "@channelId", "@conversationId", "@activityId", "@processedAt");

    private static readonly SqlStatement Reactivate = new("""
        UPDATE "ConversationReferences" SET "IsActive" = @active, "UpdatedAt" = @updatedAt
        WHERE "ConversationId" = @conversationId AND "IsActive" = @inactive
        """, "@conversationId", "@active", "@inactive", "@updatedAt");

    private static readonly SqlStatement Cleanup = new("""
        DELETE FROM "ProcessedActivities" WHERE "ProcessedAt" < @cutoff
        """, "@cutoff");

    private long marks;

    /// <summary>How long an activity id is remembered.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The cleanup runs on every n-th successful mark (and on the first), so it costs next to nothing.</summary>
    public int CleanupEvery { get; init; } = 500;

    public Task<bool> TryMarkProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
        MarkAsync(channelId, conversationId, activityId, referenceValues: null, cancellationToken);

    public async Task<ActivityMark> TryMarkProcessedAsync(
        string channelId, string conversationId, string activityId, ConversationReference? reference, CancellationToken cancellationToken)
    {
        if (reference is null || references is null)
        {
            return new ActivityMark(await MarkAsync(channelId, conversationId, activityId, referenceValues: null, cancellationToken).ConfigureAwait(false), false);
        }

        var values = references.UpsertValues(reference);
        var first = await MarkAsync(channelId, conversationId, activityId, values, cancellationToken).ConfigureAwait(false);
        return new ActivityMark(first, ReferenceSaved: first);
    }

    private Task<bool> MarkAsync(string channelId, string conversationId, string activityId, object?[]? referenceValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var now = timeProvider.GetUtcNow();

        // On SQLite the mark joins the other writes waiting at the moment in one transaction (group commit); it is
        // committed before this returns, so another instance (or a redelivery) sees it. With a reference, the mark and
        // the reference are one atomic write (a savepoint of the group commit; a transaction on PostgreSQL).
        return pool.WriteAsync(
            async (session, transaction, ct) =>
            {
                var mark = session.Command(Mark, transaction);
                mark.Parameters[0].Value = channelId;
                mark.Parameters[1].Value = conversationId;
                mark.Parameters[2].Value = activityId;
                mark.Parameters[3].Value = (long)ProcessedAtConverter.ConvertToProvider(now)!;
                var inserted = await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
                if (inserted && referenceValues is not null)
                {
                    // The upsert stores the reference active: no re-activation needed.
                    await SqlConversationReferenceStore.UpsertAsync(session, transaction, referenceValues, ct).ConfigureAwait(false);
                }

                if (inserted)
                {
                    await HousekeepAsync(session, transaction, conversationId, now, reactivate: referenceValues is null, ct).ConfigureAwait(false);
                }

                return inserted;
            },
            transactional: referenceValues is not null,
            cancellationToken);
    }

    /// <summary>
    /// After a first mark: the re-activation of the conversation's reference (<paramref name="reactivate"/>) and, on
    /// every <see cref="CleanupEvery"/>th mark, the clean-up.
    /// </summary>
    /// <remarks>
    /// Without a transaction (PostgreSQL, a mark without a reference) the mark is already committed when these run:
    /// should they fail (a dropped connection, a deadlock between two instances' clean-ups), failing the turn would
    /// leave the mark, and Teams' redelivery would be skipped as a duplicate — the message lost. So their failure is
    /// logged and the turn runs (a missed re-activation is retried by the conversation's next activity, a missed
    /// clean-up <see cref="CleanupEvery"/> marks later). In a transaction (SQLite's group commit, PostgreSQL with a
    /// reference) the failure is not caught — on PostgreSQL a failed statement aborts the transaction and its COMMIT
    /// would silently roll back —: it undoes the mark with it, so the mark is tried again (the deduplication middleware
    /// marks alone after a failed combined write) or the redelivery runs the turn.
    /// </remarks>
    private async Task HousekeepAsync(
        SqlSession session, DbTransaction? transaction, string conversationId, DateTimeOffset now, bool reactivate, CancellationToken ct)
    {
        try
        {
            if (reactivate)
            {
                var command = session.Command(Reactivate, transaction);
                command.Parameters[0].Value = conversationId;
                command.Parameters[1].Value = true;
                command.Parameters[2].Value = false;
                command.Parameters[3].Value = (long)ProcessedAtConverter.ConvertToProvider(now)!;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            if (Interlocked.Increment(ref marks) % CleanupEvery == 1 % CleanupEvery)
            {
                var cleanup = session.Command(Cleanup, transaction);
                cleanup.Parameters[0].Value = (long)ProcessedAtConverter.ConvertToProvider(now - Retention)!;
                await cleanup.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (transaction is null && !ct.IsCancellationRequested)
        {
            if (logger is not null)
            {
                Log.MarkHousekeepingFailed(logger, e);
            }
        }
    }
}
