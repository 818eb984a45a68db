namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>An error code and message, used by the connector and by invoke error responses.</summary>
public sealed class ErrorDetail
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    /// <summary>Teams puts e.g. <c>MessageWritesBlocked</c> here (spec §3.2).</summary>
    public string? SubCode { get; set; }
}
