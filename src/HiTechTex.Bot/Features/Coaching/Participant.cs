namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Who registers, as Teams identifies them (never from card data).</summary>
/// <param name="AadObjectId">from.aadObjectId.</param>
/// <param name="Name">from.name.</param>
/// <param name="TenantId">The conversation's tenant.</param>
/// <param name="Email">The user's address when known (needed as a Graph attendee).</param>
/// <param name="ConversationId">The conversation to notify.</param>
/// <param name="Language">The user's language for later messages.</param>
/// <param name="TimeZone">The user's IANA time zone (Teams' <c>localTimezone</c>), for the times in later messages.</param>
internal sealed record Participant(string AadObjectId, string Name, string? TenantId, string? Email, string? ConversationId, string? Language, string? TimeZone = null);
