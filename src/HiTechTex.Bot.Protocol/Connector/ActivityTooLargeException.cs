using System.Net;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// An outbound activity larger than Teams accepts (spec §3.4, checklist 24), caught before any HTTP call. It is a
/// <see cref="ConnectorException"/> with status 413 and code <c>MessageSizeTooBig</c>, like the server's own answer.
/// </summary>
public sealed class ActivityTooLargeException(int sizeBytes, int limitBytes)
    : ConnectorException(
        HttpStatusCode.RequestEntityTooLarge,
        new ErrorResponse { Error = new ErrorDetail { Code = "MessageSizeTooBig", Message = $"Activity is {sizeBytes} bytes (UTF-16); the limit is {limitBytes}." } },
        $"The activity is {sizeBytes} bytes measured as UTF-16; Teams accepts at most {limitBytes}.")
{
    /// <summary>The activity's JSON size in UTF-16 bytes.</summary>
    public int SizeBytes { get; } = sizeBytes;

    public int LimitBytes { get; } = limitBytes;
}
