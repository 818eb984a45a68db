using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>Durable conversation references for proactive messaging (spec §3.3).</summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or refreshes the reference of a conversation; marks it active again.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The active personal (1:1) conversation with a user, by Entra object id and tenant.</summary>
    Task<StoredConversationReference?> FindPersonalAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// The serviceUrl of the tenant's most recently used conversation (a verified one first), or null: Teams serves a
    /// tenant from one regional (or sovereign-cloud) endpoint, the one to create a new 1:1 chat at.
    /// </summary>
    Task<string?> FindServiceUrlAsync(string tenantId, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks a reference inactive (403 MessageWritesBlocked): nothing more is sent until the user comes back.</summary>
    Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken);
}
