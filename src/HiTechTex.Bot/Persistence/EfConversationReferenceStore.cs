using System.Text.Json;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

/// <summary>Conversation references in the bot's database (spec §3.3).</summary>
internal sealed class EfConversationReferenceStore(BotDbContext db, ITrustedServiceUrls trustedServiceUrls, TimeProvider timeProvider, DatabaseWriteGate writeGate)
    : IConversationReferenceStore
{
    private static readonly DateTimeOffsetToBinaryConverter UpdatedAtConverter = new();

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            throw new ArgumentException("A conversation reference needs a conversation id and a serviceUrl.", nameof(reference));
        }

        var entity = new ConversationReferenceEntity { ConversationId = conversationId, ServiceUrl = reference.ServiceUrl, ReferenceJson = "{}" };
        Apply(entity, reference);
        var updatedAt = (long)UpdatedAtConverter.ConvertToProvider(entity.UpdatedAt)!;

        // One atomic upsert (same syntax on SQLite and PostgreSQL): the install activities Teams sends together
        // for one conversation race to insert it, and neither may fail or log a constraint error.
        using var writeLease = await writeGate.EnterAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($$"""
            INSERT INTO "ConversationReferences"
                ("ConversationId", "ServiceUrl", "ChannelId", "TenantId", "BotId", "UserId", "UserAadObjectId",
                 "ConversationType", "ReferenceJson", "IsActive", "UpdatedAt", "ServiceUrlVerified")
            VALUES ({{entity.ConversationId}}, {{entity.ServiceUrl}}, {{entity.ChannelId}}, {{entity.TenantId}}, {{entity.BotId}},
                    {{entity.UserId}}, {{entity.UserAadObjectId}}, {{entity.ConversationType}}, {{entity.ReferenceJson}},
                    {{entity.IsActive}}, {{updatedAt}}, {{entity.ServiceUrlVerified}})
            ON CONFLICT ("ConversationId") DO UPDATE SET
                "ServiceUrl" = excluded."ServiceUrl", "ChannelId" = excluded."ChannelId", "TenantId" = excluded."TenantId",
                "BotId" = excluded."BotId", "UserId" = excluded."UserId", "UserAadObjectId" = excluded."UserAadObjectId",
                "ConversationType" = excluded."ConversationType", "ReferenceJson" = excluded."ReferenceJson",
                "IsActive" = excluded."IsActive", "UpdatedAt" = excluded."UpdatedAt",
                "ServiceUrlVerified" = excluded."ServiceUrlVerified"
            """, cancellationToken);
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

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var writeLease = await writeGate.EnterAsync(cancellationToken);
        await db.ConversationReferences.Where(e => e.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        using var writeLease = await writeGate.EnterAsync(cancellationToken);
        await db.ConversationReferences.Where(e => e.ConversationId == conversationId)
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
