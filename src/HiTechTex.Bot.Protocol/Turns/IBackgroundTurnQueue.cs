namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Work that must not hold up the HTTP response of a turn (checklist 18: the channel waits at most 15 s, 5 s for
/// invokes). A handler answers at once ("I'm on it"), queues the slow part here, and the work item messages the user
/// proactively when it is done. Each item runs in its own DI scope, after the turn has ended.
/// </summary>
public interface IBackgroundTurnQueue
{
    /// <summary>Queues <paramref name="work"/>; waits only if the queue is full.</summary>
    ValueTask EnqueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default);
}
