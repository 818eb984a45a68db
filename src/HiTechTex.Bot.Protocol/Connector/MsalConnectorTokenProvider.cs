using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector through MSAL (spec §3.1): authority
/// <c>{LoginEndpoint}/botframework.com</c> for multi-tenant bots, <c>{LoginEndpoint}/{tenantId}</c> for single-tenant ones,
/// scope <see cref="BotOptions.ConnectorScope"/>. Register as a singleton: the one MSAL application instance holds the
/// token cache and renews a token before it expires (MSAL treats a token with less than 5 minutes left as expired).
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly BotOptions options;
    private readonly IMsalHttpClientFactory? httpClientFactory;
    private readonly ILogger<MsalConnectorTokenProvider> logger;
    private readonly Lazy<IConfidentialClientApplication>? application;

    public MsalConnectorTokenProvider(
        IOptions<BotOptions> options,
        ILogger<MsalConnectorTokenProvider> logger,
        IMsalHttpClientFactory? httpClientFactory = null)
    {
        this.options = options.Value;
        this.logger = logger;
        this.httpClientFactory = httpClientFactory;
        if (this.options.IsAuthenticationConfigured)
        {
            application = new Lazy<IConfidentialClientApplication>(CreateApplication, LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <inheritdoc />
    public bool IsConfigured => application is not null;

    /// <inheritdoc />
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (application is null)
        {
            return null;
        }

        try
        {
            var result = await application.Value
                .AcquireTokenForClient([options.ConnectorScope])
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            Log.ConnectorTokenAcquired(logger, result.AuthenticationResultMetadata.TokenSource.ToString(), result.ExpiresOn);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // The exception carries the error code only; MSAL never puts the secret in it.
            Log.ConnectorTokenFailed(logger, ex.ErrorCode, ex);
            throw;
        }
    }

    internal static string BuildAuthority(BotOptions options)
    {
        var loginEndpoint = options.LoginEndpoint.TrimEnd('/');
        if (string.Equals(options.MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            return $"{loginEndpoint}/botframework.com";
        }

        if (string.Equals(options.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                throw new InvalidOperationException(
                    "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
            }

            return $"{loginEndpoint}/{options.MicrosoftAppTenantId}";
        }

        throw new InvalidOperationException(
            $"MicrosoftAppType '{options.MicrosoftAppType}' is not supported for outbound tokens; use SingleTenant or MultiTenant.");
    }

    private IConfidentialClientApplication CreateApplication()
    {
        if (string.IsNullOrEmpty(options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException("MicrosoftAppPassword is required when MicrosoftAppId is set.");
        }

        var builder = ConfidentialClientApplicationBuilder
            .Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(BuildAuthority(options))
            // The authority is built from our own configuration, so MSAL's instance discovery (a metadata request to
            // the public cloud before the first token) validates nothing we don't already trust; without it the only
            // request is the token POST, also when LoginEndpoint names a sovereign cloud or a test endpoint.
            .WithInstanceDiscovery(false);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        return builder.Build();
    }
}
