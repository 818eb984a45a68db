namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>What happened to a proactive message; the caller decides what to tell people.</summary>
/// <param name="Status">Sent, blocked or no reference.</param>
/// <param name="ConversationId">The conversation used or tried, when known.</param>
/// <param name="ActivityId">The id the connector gave the sent activity.</param>
public sealed record ProactiveSendResult(ProactiveSendStatus Status, string? ConversationId = null, string? ActivityId = null)
{
    public bool IsSent => Status == ProactiveSendStatus.Sent;
}
