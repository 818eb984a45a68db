using HiTechTex.Bot.Protocol.Connector;

namespace HiTechTex.Bot.Protocol.Tests.Connector;

/// <summary>A fixed token, for connector tests that are not about token acquisition.</summary>
internal sealed class StubTokenProvider(string? token) : IConnectorTokenProvider
{
    public bool IsConfigured => token is not null;

    public int Calls { get; private set; }

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(token);
    }
}
