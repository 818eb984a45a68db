using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// One conversation the bot has in a team: a channel, or a thread of one (Teams gives each thread its own
/// conversation id, <c>19:…@thread.tacv2;messageid=…</c>), under the team's id (<c>channelData.team.id</c>). Nothing in
/// a channel's conversation id names its team, and when the bot is removed from a team Teams says so once, in the
/// general channel: without this list the other channels' references and states would stay (spec checklist 14).
/// </summary>
internal sealed class TeamConversationEntity
{
    public required string TeamId { get; set; }

    public required string ConversationId { get; set; }

    public required string ChannelId { get; set; }
}

internal sealed class TeamConversationEntityConfiguration : IEntityTypeConfiguration<TeamConversationEntity>
{
    public void Configure(EntityTypeBuilder<TeamConversationEntity> builder)
    {
        builder.ToTable("TeamConversations");
        builder.HasKey(e => new { e.TeamId, e.ConversationId });
        builder.Property(e => e.TeamId).HasMaxLength(512);
        builder.Property(e => e.ConversationId).HasMaxLength(512);
        builder.Property(e => e.ChannelId).HasMaxLength(64);
    }
}

/// <summary>
/// Keeps <see cref="TeamConversationEntity"/> rows: each team conversation is recorded on its first activity seen by
/// this process (a bounded in-memory set spares the database the same insert on every turn; the insert is
/// <c>ON CONFLICT DO NOTHING</c>, so other instances and restarts only repeat a no-op), and listed and forgotten when
/// the bot leaves the team. Singleton; opens a scope per database call. What this process remembers is trusted for
/// <see cref="ConversationReferenceCache.TimeToLive"/> only, as the references are: the removal from a team may be
/// handled by another instance, whose forgetting this one never hears of — remembered for ever, a conversation of a
/// team the bot was added to again was never recorded again here, and the next removal left its reference and state.
/// </summary>
internal sealed class TeamConversations(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    private const int RememberedLimit = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> recorded = new(StringComparer.Ordinal);

    /// <summary>
    /// The team an activity happened in (<c>channelData.team.id</c>), or null outside teams. Read straight from the
    /// JSON rather than through <c>Activity.GetTeamsChannelData()</c>, which deserializes all of it: this runs on every turn.
    /// </summary>
    public static string? TeamIdOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
            && data.TryGetProperty("team", out var team) && team.ValueKind == System.Text.Json.JsonValueKind.Object
            && CardInput.TryGetText(team, "id", out var id) && id is { Length: > 0 and <= 512 } value
                ? value
                : null;
    }

    /// <summary>Records the activity's conversation under its team (<see cref="TeamIdOf"/>), once.</summary>
    public async Task RecordAsync(string teamId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Conversation?.Id is not { Length: > 0 and <= 512 } conversationId
            || activity.ChannelId is not { Length: > 0 and <= 64 } channelId || activity.IsBotUninstalled())
        {
            return;
        }

        var key = teamId + "\n" + conversationId;
        var now = timeProvider.GetUtcNow();
        if (recorded.TryGetValue(key, out var at) && now - at < ConversationReferenceCache.TimeToLive)
        {
            return;
        }

        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            using var lease = await scope.ServiceProvider.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "TeamConversations" ("TeamId", "ConversationId", "ChannelId")
                VALUES ({teamId}, {conversationId}, {channelId})
                ON CONFLICT DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
        }

        if (recorded.Count >= RememberedLimit)
        {
            recorded.Clear();   // bounded: a forgotten one costs one no-op insert
        }

        recorded[key] = now;
    }

    /// <summary>The team's recorded conversations (channel id, conversation id).</summary>
    public async Task<IReadOnlyList<(string ChannelId, string ConversationId)>> ListAsync(string teamId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var rows = await db.Set<TeamConversationEntity>().AsNoTracking()
            .Where(t => t.TeamId == teamId)
            .Select(t => new { t.ChannelId, t.ConversationId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => (r.ChannelId, r.ConversationId))];
    }

    /// <summary>Forgets the team's conversations (after their data was deleted).</summary>
    public async Task ForgetAsync(string teamId, CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            using var lease = await scope.ServiceProvider.GetRequiredService<DatabaseWriteGate>().EnterAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "TeamConversations" WHERE "TeamId" = {teamId}""", cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in recorded.Keys.Where(k => k.StartsWith(teamId + "\n", StringComparison.Ordinal)))
        {
            recorded.TryRemove(key, out _);
        }
    }
}
