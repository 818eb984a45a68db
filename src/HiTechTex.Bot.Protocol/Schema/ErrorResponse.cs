namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>The connector's error body: <c>{error:{code,message}}</c>.</summary>
public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}
