namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>Answer of <c>POST /v3/conversations</c>.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId = null, string? ServiceUrl = null);
