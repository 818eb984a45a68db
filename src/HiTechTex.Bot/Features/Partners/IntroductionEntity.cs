namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// An introduction request (table <c>PartnerIntroductions</c>): who asked whom, the message, who may answer, where
/// the cards were sent (to update them for everyone) and the decision.
/// </summary>
internal sealed class IntroductionEntity
{
    public required string Id { get; set; }

    /// <summary>The requester's Entra object id, or their channel user id when Teams sent none; the daily limit counts by it.</summary>
    public required string RequesterKey { get; set; }

    public string? RequesterAadObjectId { get; set; }

    public required string RequesterName { get; set; }

    public required string RequesterOrganisation { get; set; }

    public required string RequesterLanguage { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The requester's conversation with the bot, for the notification.</summary>
    public required string RequesterConversationId { get; set; }

    public required string OrganisationId { get; set; }

    public required string OrganisationName { get; set; }

    public required string Message { get; set; }

    /// <summary>JSON array of the Entra object ids that may accept or decline (the contact, else the cluster managers).</summary>
    public required string AddresseesJson { get; set; }

    /// <summary>JSON array of {conversationId, activityId} of the cards sent to the addressees.</summary>
    public required string CardsJson { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>
    /// <c>{requester}|{UTC day}|{slot}</c> (slot 1 … the daily limit) while the request counts toward the limit; null
    /// once undeliverable. Unique: two requests at once cannot both take the last slot.
    /// </summary>
    public string? DailySlotKey { get; set; }

    /// <summary>
    /// <c>{requester}|{organisation}</c> while pending, else null. Unique: one pending request per requester and partner,
    /// whatever the day (requests stored before this rule have <c>|{UTC day}</c> appended; the claim's query finds them
    /// as well).
    /// </summary>
    public string? PendingKey { get; set; }

    /// <summary>
    /// While an expiry is being carried out (claimed, its cards and the requester's notice not done yet): until when that
    /// claim holds. An instance that stopped after its claim leaves it set; once it has passed, a later sweep (of any
    /// instance) claims the expiry again and finishes it. Null for every other request, and once the expiry is done.
    /// </summary>
    public DateTimeOffset? ExpiryLeaseUntil { get; set; }

    /// <summary>How many times the expiry was claimed: its tries are bounded when the connector keeps failing.</summary>
    public int ExpiryAttempts { get; set; }
}
