namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>A scripted answer of <see cref="FakeConnector"/>.</summary>
internal sealed record FakeResponse(int Status, string? Body = null, string? RetryAfter = null)
{
    public static FakeResponse Ok(string body) => new(200, body);

    public static FakeResponse Error(int status, string code, string? subCode = null, string? retryAfter = null) =>
        new(status, subCode is null
            ? $$$"""{"error":{"code":"{{{code}}}","message":"scripted {{{status}}}"}}"""
            : $$$"""{"error":{"code":"{{{code}}}","subCode":"{{{subCode}}}","message":"scripted {{{status}}}"}}""", retryAfter);
}
