using System.Data.Common;
using System.Text.Json;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Conversation references in the bot's database (spec §3.3; table <c>ConversationReferences</c>, the EF Core entity
/// <see cref="ConversationReferenceEntity"/>). A singleton over <see cref="SqlSessionPool"/>: the save runs on the
/// first turn of every conversation.
/// </summary>
internal sealed class SqlConversationReferenceStore(
    SqlSessionPool pool, ITrustedServiceUrls trustedServiceUrls, TimeProvider timeProvider)
    : IConversationReferenceStore
{
    private static readonly DateTimeOffsetToBinaryConverter UpdatedAtConverter = new();

    // One atomic upsert (same syntax on SQLite and PostgreSQL): the install activities Teams sends together for one
    // conversation race to insert it, and neither may fail or log a constraint error.
    private static readonly SqlStatement Upsert = new("""
        INSERT INTO "ConversationReferences"
            ("ConversationId", "ServiceUrl", "ChannelId", "TenantId", "BotId", "UserId", "UserAadObjectId",
             "ConversationType", "ReferenceJson", "IsActive", "UpdatedAt", "ServiceUrlVerified")
        VALUES (@conversationId, @serviceUrl, @channelId, @tenantId, @botId, @userId, @userAadObjectId,
                @conversationType, @referenceJson, @isActive, @updatedAt, @serviceUrlVerified)
        ON CONFLICT ("ConversationId") DO UPDATE SET
            "ServiceUrl" = excluded."ServiceUrl", "ChannelId" = excluded."ChannelId", "TenantId" = excluded."TenantId",
            "BotId" = excluded."BotId", "UserId" = excluded."UserId", "UserAadObjectId" = excluded."UserAadObjectId",
            "ConversationType" = excluded."ConversationType", "ReferenceJson" = excluded."ReferenceJson",
            "IsActive" = excluded."IsActive", "UpdatedAt" = excluded."UpdatedAt",
            "ServiceUrlVerified" = excluded."ServiceUrlVerified"
        """,
        "@conversationId", "@serviceUrl", "@channelId", "@tenantId", "@botId", "@userId", "@userAadObjectId",
        "@conversationType", "@referenceJson", "@isActive", "@updatedAt", "@serviceUrlVerified");

    private static readonly SqlStatement Get = new("""
        SELECT "ReferenceJson", "IsActive", "UpdatedAt" FROM "ConversationReferences" WHERE "ConversationId" = @conversationId
        """, "@conversationId");

    private static readonly SqlStatement FindPersonal = new("""
        SELECT "ReferenceJson", "IsActive", "UpdatedAt" FROM "ConversationReferences"
        WHERE "UserAadObjectId" = @aadObjectId AND "TenantId" = @tenantId AND "ConversationType" = 'personal' AND "IsActive" = @active
        ORDER BY "UpdatedAt" DESC
        LIMIT 1
        """, "@aadObjectId", "@tenantId", "@active");

    private static readonly SqlStatement FindServiceUrl = new("""
        SELECT "ServiceUrl" FROM "ConversationReferences"
        WHERE "TenantId" = @tenantId AND "IsActive" = @active
        ORDER BY "ServiceUrlVerified" DESC, "UpdatedAt" DESC
        LIMIT 1
        """, "@tenantId", "@active");

    private static readonly SqlStatement Delete = new("""
        DELETE FROM "ConversationReferences" WHERE "ConversationId" = @conversationId
        """, "@conversationId");

    private static readonly SqlStatement MarkInactive = new("""
        UPDATE "ConversationReferences" SET "IsActive" = @inactive, "UpdatedAt" = @updatedAt WHERE "ConversationId" = @conversationId
        """, "@conversationId", "@inactive", "@updatedAt");

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        ExecuteWriteAsync(Upsert, UpsertValues(reference), cancellationToken);

    /// <summary>The upsert's parameter values for <paramref name="reference"/> (computed before a write, outside it).</summary>
    internal object?[] UpsertValues(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(reference.ServiceUrl))
        {
            throw new ArgumentException("A conversation reference needs a conversation id and a serviceUrl.", nameof(reference));
        }

        return
        [
            conversationId,
            reference.ServiceUrl,
            reference.ChannelId,
            reference.Conversation?.TenantId,
            reference.Bot?.Id,
            reference.User?.Id,
            AadObjectIdKey(reference.User?.AadObjectId),
            reference.Conversation?.ConversationType,
            JsonSerializer.Serialize(reference, ProtocolJsonContext.Outbound.ConversationReference),
            true,
            (long)UpdatedAtConverter.ConvertToProvider(timeProvider.GetUtcNow())!,
            trustedServiceUrls.IsTrusted(reference.ServiceUrl),
        ];
    }

    /// <summary>Runs the upsert of <see cref="UpsertValues"/> inside another write (the processed-activity mark's).</summary>
    internal static Task<int> UpsertAsync(SqlSession session, DbTransaction? transaction, object?[] values, CancellationToken cancellationToken) =>
        Bind(session.Command(Upsert, transaction), values).ExecuteNonQueryAsync(cancellationToken);

    public Task<StoredConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        QuerySingleAsync(Get, [conversationId], cancellationToken);

    /// <summary>
    /// The user's newest active 1:1 chat, whatever the case of <paramref name="aadObjectId"/>: an Entra object id is a
    /// GUID, which Teams sends in lower case and the configuration (<c>Roles</c>) or the partner directory may write in
    /// upper case — the same person, whose chat, language and name must be found (before, the bot created the chat anew
    /// and stored it without their Teams user id, and wrote to them in English).
    /// </summary>
    public Task<StoredConversationReference?> FindPersonalAsync(string aadObjectId, string tenantId, CancellationToken cancellationToken) =>
        QuerySingleAsync(FindPersonal, [AadObjectIdKey(aadObjectId), tenantId, true], cancellationToken);

    /// <summary>
    /// The look-up column's form of an Entra object id: lower case (the reference itself keeps it as sent), so that the
    /// index on it serves a look-up in any case (migration <c>ConversationReferenceAadObjectIdLowerCase</c> brought the
    /// rows stored before to it).
    /// </summary>
    private static string? AadObjectIdKey(string? aadObjectId) => aadObjectId is null ? null : AadObjectIds.Key(aadObjectId);

    public async Task<string?> FindServiceUrlAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var session = await pool.OpenAsync(cancellationToken).ConfigureAwait(false);
        var value = await Bind(session.Command(FindServiceUrl), [tenantId, true]).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value as string;
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken) =>
        ExecuteWriteAsync(Delete, [conversationId], cancellationToken);

    public Task MarkInactiveAsync(string conversationId, CancellationToken cancellationToken) =>
        ExecuteWriteAsync(MarkInactive, [conversationId, false, (long)UpdatedAtConverter.ConvertToProvider(timeProvider.GetUtcNow())!], cancellationToken);

    private Task ExecuteWriteAsync(SqlStatement statement, object?[] values, CancellationToken cancellationToken) =>
        pool.WriteAsync(
            (session, transaction, ct) => Bind(session.Command(statement, transaction), values).ExecuteNonQueryAsync(ct),
            transactional: false,
            cancellationToken);

    private async Task<StoredConversationReference?> QuerySingleAsync(SqlStatement statement, object?[] values, CancellationToken cancellationToken)
    {
        await using var session = await pool.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var reader = await Bind(session.Command(statement), values).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            return new StoredConversationReference(
                JsonSerializer.Deserialize(reader.GetString(0), ProtocolJsonContext.Inbound.ConversationReference) ?? new ConversationReference(),
                reader.GetBoolean(1),
                (DateTimeOffset)UpdatedAtConverter.ConvertFromProvider(reader.GetInt64(2))!);
        }
        catch
        {
            session.Reusable = false;
            throw;
        }
    }

    private static DbCommand Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }
}
