namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// ServiceUrls the bot may send its connector token to: those that arrived in authenticated activities, plus the
/// configured allow-list (spec §3.3).
/// </summary>
public interface ITrustedServiceUrls
{
    /// <summary>Records a serviceUrl that arrived in an activity whose token's <c>serviceurl</c> claim matched it.</summary>
    void Trust(string serviceUrl);

    bool IsTrusted(string serviceUrl);
}
