using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.State;

/// <summary>A stored reference and its status.</summary>
public sealed record StoredConversationReference(ConversationReference Reference, bool IsActive, DateTimeOffset UpdatedAt);
