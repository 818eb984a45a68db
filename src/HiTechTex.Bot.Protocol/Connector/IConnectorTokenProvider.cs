namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>Supplies the bearer token the bot sends to the Bot Connector (spec §3.1).</summary>
public interface IConnectorTokenProvider
{
    /// <summary>False in local development (no <c>MicrosoftAppId</c>): requests then go without a token, as in the Bot Framework SDK.</summary>
    bool IsConfigured { get; }

    /// <summary>A valid access token, or <see langword="null"/> when no app id is configured.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
