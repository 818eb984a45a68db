namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>A row of the bot's <c>ConversationReferences</c> table, as an operator would see it.</summary>
public sealed record StoredReferenceRow(
    string ConversationId,
    string ServiceUrl,
    string? ChannelId,
    string? TenantId,
    string? UserAadObjectId,
    string? ConversationType,
    bool IsActive,
    string ReferenceJson);
