namespace HiTechTex.Bot.Persistence;

/// <summary>A stored conversation reference (spec §3.3): the searchable fields plus the full reference as JSON.</summary>
internal sealed class ConversationReferenceEntity
{
    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public string? TenantId { get; set; }

    public string? BotId { get; set; }

    public string? UserId { get; set; }

    public string? UserAadObjectId { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    /// <summary>The whole <c>ConversationReference</c>, so fields not mapped to columns survive.</summary>
    public required string ReferenceJson { get; set; }

    /// <summary>False after 403 MessageWritesBlocked: nothing is sent until the user comes back.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// True when the serviceUrl arrived in an activity whose token vouched for it (or is on the allow-list), so the
    /// connector token may be sent there later (S-ACT A7560).
    /// </summary>
    public bool ServiceUrlVerified { get; set; }
}
