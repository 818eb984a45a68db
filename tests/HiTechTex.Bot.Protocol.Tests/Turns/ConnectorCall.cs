using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

internal sealed record ConnectorCall(string Operation, string ServiceUrl, string ConversationId, string? ActivityId, Activity? Activity);
