namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Runs the turns of one conversation one at a time in this process; turns of different conversations still run in
/// parallel. Teams delivers a conversation's activities concurrently (installationUpdate and conversationUpdate at
/// install; a card click right after the reply it answers is still being saved), and two turns that read the same
/// dialog state race: the later save loses the optimistic-concurrency check and the user is asked to repeat. Waiting
/// for the previous turn of the conversation avoids that race on one instance; across instances the ETag check in the
/// store still keeps the state whole. Register it after de-duplication, so a redelivery never waits in line.
/// </summary>
public sealed class ConversationSerializationMiddleware : IMiddleware
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>How many conversations have a turn running or waiting (entries are dropped when the last one ends).</summary>
    public int TrackedConversations
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        var key = (turnContext.Activity.ChannelId ?? "") + "/" + conversationId;
        var entry = Enter(key);
        try
        {
            await entry.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                entry.Turn.Release();
            }
        }
        finally
        {
            Leave(key, entry);
        }
    }

    private Entry Enter(string key)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                entries[key] = entry;
            }

            entry.Users++;
            return entry;
        }
    }

    private void Leave(string key, Entry entry)
    {
        lock (gate)
        {
            if (--entry.Users == 0)
            {
                entries.Remove(key);
                entry.Turn.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
