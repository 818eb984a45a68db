namespace HiTechTex.Bot.Testing;

/// <summary>One request received by a <see cref="LocalHttpServer"/>. <see cref="Path"/> is the decoded path.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);
