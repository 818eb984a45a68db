namespace HiTechTex.Bot.Protocol.Schema;

/// <summary>Answer of <c>GET /v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed class PagedMembersResult
{
    public IList<ChannelAccount>? Members { get; set; }

    public string? ContinuationToken { get; set; }
}
