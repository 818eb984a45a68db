using System.Text.Json;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>Conversation references in the bot's database (spec §3.3).</summary>
internal sealed class EfConversationReferenceStore(BotDbContext db, ITrustedServiceUrls trustedServiceUrls, TimeProvider timeProvider)
    : IConversationReferenceStore
{
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            throw new ArgumentException("A conversation reference needs a conversation id and a serviceUrl.", nameof(reference));
        }

        var entity = await db.ConversationReferences.FindAsync([conversationId], cancellationToken);
        var isNew = entity is null;
        entity ??= new ConversationReferenceEntity { ConversationId = conversationId, ServiceUrl = reference.ServiceUrl, ReferenceJson = "{}" };
        Apply(entity, reference);
        if (isNew)
        {
            db.ConversationReferences.Add(entity);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (isNew)
        {
            // Two turns of a new conversation raced to insert it: the other one won, so update its row instead.
            db.ChangeTracker.Clear();
            var existing = await db.ConversationReferences.FindAsync([conversationId], cancellationToken)
                ?? throw new InvalidOperationException("The conversation reference could not be saved.");
            Apply(existing, reference);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var entity = await db.ConversationReferences.AsNoTracking()
            .FirstOrDefaultAsync(e => e.ConversationId == conversationId, cancellationToken);
        return entity is null ? null : ToStored(entity);
    }

    public async Task<StoredConversationReference?> FindPersonalAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken)
    {
        var entity = await db.ConversationReferences.AsNoTracking()
            .Where(e => e.UserAadObjectId == aadObjectId && e.TenantId == tenantId && e.ConversationType == "personal" && e.IsActive)
            .OrderByDescending(e => e.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return entity is null ? null : ToStored(entity);
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        db.ConversationReferences.Where(e => e.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);

    public Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return db.ConversationReferences.Where(e => e.ConversationId == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.IsActive, false).SetProperty(e => e.UpdatedAt, now), cancellationToken);
    }

    private void Apply(ConversationReferenceEntity entity, ConversationReference reference)
    {
        entity.ServiceUrl = reference.ServiceUrl!;
        entity.ChannelId = reference.ChannelId;
        entity.TenantId = reference.Conversation?.TenantId;
        entity.BotId = reference.Bot?.Id;
        entity.UserId = reference.User?.Id;
        entity.UserAadObjectId = reference.User?.AadObjectId;
        entity.ConversationType = reference.Conversation?.ConversationType;
        entity.ReferenceJson = JsonSerializer.Serialize(reference, ProtocolJsonContext.Outbound.ConversationReference);
        entity.IsActive = true;
        entity.UpdatedAt = timeProvider.GetUtcNow();
        entity.ServiceUrlVerified = trustedServiceUrls.IsTrusted(reference.ServiceUrl!);
    }

    private static StoredConversationReference ToStored(ConversationReferenceEntity entity) => new(
        JsonSerializer.Deserialize(entity.ReferenceJson, ProtocolJsonContext.Inbound.ConversationReference) ?? new ConversationReference(),
        entity.IsActive,
        entity.UpdatedAt);
}
