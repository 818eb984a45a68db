namespace HiTechTex.Bot.Features.Partners;

/// <summary>A card the bot sent: its conversation and activity id (for a PUT update) and the recipient's channel user id.</summary>
internal sealed record SentCard(string ConversationId, string ActivityId, string? UserId, string? Language = null);
