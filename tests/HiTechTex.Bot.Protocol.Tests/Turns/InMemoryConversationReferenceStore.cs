using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

/// <summary>A store that keeps references in memory and counts writes.</summary>
internal sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    public ConcurrentDictionary<string, ConversationReference> References { get; } = new();

    public int Saves { get; private set; }

    public Exception? FailSavesWith { get; set; }

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        if (FailSavesWith is not null)
        {
            return Task.FromException(FailSavesWith);
        }

        Saves++;
        References[reference.Conversation!.Id!] = reference;
        return Task.CompletedTask;
    }

    public Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(References.TryGetValue(conversationId, out var r) ? new StoredConversationReference(r, true, DateTimeOffset.UnixEpoch) : null);

    public Task<StoredConversationReference?> FindPersonalAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<string?> FindServiceUrlAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(References.Values.LastOrDefault(r => r.Conversation?.TenantId == tenantId)?.ServiceUrl);

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        References.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    public Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
