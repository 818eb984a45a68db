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
/// With an expiry of 0 (keep dialogs forever) nothing is deleted.
/// </summary>
internal sealed class DialogStatePurgeService(
    IServiceScopeFactory scopeFactory,
    IOptions<ConversationOptions> options,
    TimeProvider timeProvider,
    ILogger<DialogStatePurgeService> logger) : PeriodicBackgroundService(timeProvider)
{
    /// <summary>How often the expired rows are deleted.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

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

            return deleted;
        }
    }

    protected override TimeSpan Interval => PurgeInterval;

    protected override Task RunOnceAsync(CancellationToken stoppingToken) => PurgeAsync(stoppingToken);

    // A database hiccup: the rows are still there, the next pass deletes them.
    protected override void PassFailed(Exception exception) => Log.DialogStatePurgeFailed(logger, exception);
}
