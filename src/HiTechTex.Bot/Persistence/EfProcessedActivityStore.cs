using HiTechTex.Bot.Protocol.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Processed activity ids in the bot's database (table <c>ProcessedActivities</c>). The mark is one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> on the (channel, conversation, activity) key: one affected row means
/// "first time", none means "seen before", atomically across bot instances. Every <see cref="CleanupEvery"/>th
/// mark also deletes the entries older than <see cref="Retention"/> (Teams only redelivers within minutes).
/// </summary>
/// <remarks>A singleton with a scope per call, like <see cref="EfStorage"/>.</remarks>
internal sealed class EfProcessedActivityStore(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IProcessedActivityStore
{
    private static readonly DateTimeOffsetToBinaryConverter ProcessedAtConverter = new();
    private long marks;

    /// <summary>How long an activity id is remembered.</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The cleanup runs on every n-th successful mark (and on the first), so it costs next to nothing.</summary>
    public int CleanupEvery { get; init; } = 500;

    public async Task<bool> TryMarkProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var now = timeProvider.GetUtcNow();
        var processedAt = (long)ProcessedAtConverter.ConvertToProvider(now)!;

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        using var writeLease = await (scope.ServiceProvider.GetService<DatabaseWriteGate>()?.EnterAsync(cancellationToken) ?? default);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ProcessedActivities" ("ChannelId", "ConversationId", "ActivityId", "ProcessedAt")
            VALUES ({channelId}, {conversationId}, {activityId}, {processedAt})
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;

        if (inserted && Interlocked.Increment(ref marks) % CleanupEvery == 1 % CleanupEvery)
        {
            var cutoff = now - Retention;
            await db.ProcessedActivities.Where(e => e.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        return inserted;
    }
}
