using System.Collections.Concurrent;
using HiTechTex.Bot.Protocol.Connector;

namespace HiTechTex.Bot.Hosting.Placeholders;

/// <summary>TEMPORARY stand-in until <c>AddBotConnector()</c> is merged: remembers the serviceUrls it is told to trust.</summary>
internal sealed class PlaceholderTrustedServiceUrls : ITrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, bool> trusted = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => trusted[serviceUrl.TrimEnd('/')] = true;

    public bool IsTrusted(string serviceUrl) => trusted.ContainsKey(serviceUrl.TrimEnd('/'));
}
