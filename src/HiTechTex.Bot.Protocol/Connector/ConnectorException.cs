using System.Net;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>A connector call that failed after retries (or was not retryable).</summary>
public class ConnectorException(HttpStatusCode statusCode, ErrorResponse? error, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public ErrorResponse? Error { get; } = error;

    /// <summary>403 <c>MessageWritesBlocked</c>: the user blocked or uninstalled the bot (spec §3.2).</summary>
    public bool IsMessageWritesBlocked =>
        StatusCode == HttpStatusCode.Forbidden &&
        (string.Equals(Error?.Error?.SubCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase) ||
         string.Equals(Error?.Error?.Code, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase));
}
