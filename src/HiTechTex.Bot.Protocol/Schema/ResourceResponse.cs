namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>The connector's answer to a send, reply or update: the id of the activity.</summary>
public sealed record ResourceResponse(string? Id);
