using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>A tiny in-memory reference store with the documented semantics (personal look-up by Entra id and tenant).</summary>
internal sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, StoredConversationReference> references = new(StringComparer.Ordinal);

    public List<string> MarkedInactive { get; } = [];

    public IReadOnlyCollection<StoredConversationReference> All => [.. references.Values];

    public void Add(ConversationReference reference, bool isActive = true) =>
        references[reference.Conversation!.Id!] = new StoredConversationReference(reference, isActive, DateTimeOffset.UnixEpoch);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        Add(reference);
        return Task.CompletedTask;
    }

    public Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(references.TryGetValue(conversationId, out var stored) ? stored : null);

    public Task<StoredConversationReference?> FindPersonalAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(references.Values.FirstOrDefault(r =>
            r.IsActive &&
            r.Reference.Conversation?.ConversationType == "personal" &&
            r.Reference.User?.AadObjectId == aadObjectId &&
            r.Reference.Conversation?.TenantId == tenantId));

    public Task<string?> FindServiceUrlAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(references.Values.LastOrDefault(r => r.IsActive && r.Reference.Conversation?.TenantId == tenantId)?.Reference.ServiceUrl);

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        references.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    public Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        MarkedInactive.Add(conversationId);
        if (references.TryGetValue(conversationId, out var stored))
        {
            references[conversationId] = stored with { IsActive = false };
        }

        return Task.CompletedTask;
    }
}
