namespace HiTechTex.Bot.Features.Partners;

/// <summary>Source-generated log messages of the partner directory and search (event ids 2100–2119).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Partner search index rebuilt with {Count} organisations")]
    public static partial void PartnerIndexRebuilt(ILogger logger, int count);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Partner search index is current ({Count} organisations)")]
    public static partial void PartnerIndexCurrent(ILogger logger, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Partner search index is stale (index {Actual}, directory {Expected}); rebuilding")]
    public static partial void PartnerIndexStale(ILogger logger, string actual, string expected);
}
