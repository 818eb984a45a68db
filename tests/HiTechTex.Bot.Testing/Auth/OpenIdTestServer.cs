using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HiTechTex.Bot.Testing.Auth;

/// <summary>
/// A local stand-in for the Bot Framework OpenID endpoints (spec §2.1 #2): serves an OpenID configuration document at
/// <see cref="MetadataPath"/> and a JWKS of test-generated keys (with <c>endorsements</c>) at <see cref="KeysPath"/>,
/// records every request, and mints tokens shaped like Bot Connector tokens.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaimType = "serviceurl";

    private readonly object gate = new();
    private readonly List<OpenIdTestKey> keys = [];
    private LocalHttpServer? server;

    private OpenIdTestServer()
    {
    }

    private LocalHttpServer Server => server ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>The metadata URL to configure as <c>BotOptions.OpenIdMetadataUrl</c>.</summary>
    public string MetadataUrl => Server.BaseUrl + MetadataPath;

    public string KeysUrl => Server.BaseUrl + KeysPath;

    public IReadOnlyList<RecordedRequest> Requests => Server.Requests;

    public int MetadataRequestCount => Requests.Count(r => r.Path == MetadataPath);

    public int KeysRequestCount => Requests.Count(r => r.Path == KeysPath);

    /// <summary>When set, every request is answered with this status and no body (an outage).</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>
    /// When set, every request is accepted and never answered (a server that hangs) until the client gives up or the
    /// server is disposed; <see cref="Hanging"/> completes when the first such request arrives.
    /// </summary>
    public bool Hang { get; set; }

    /// <summary>Completes when a request arrives while <see cref="Hang"/> is set.</summary>
    public Task Hanging => hanging.Task;

    private readonly TaskCompletionSource hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var result = new OpenIdTestServer();
        result.server = await LocalHttpServer.StartAsync(result.HandleAsync);
        return result;
    }

    /// <summary>Generates a key with <c>endorsements: ["msteams"]</c> and starts serving it.</summary>
    public OpenIdTestKey AddKey(string? keyId = null)
    {
        var key = OpenIdTestKey.Create(keyId, OpenIdTestKey.TeamsEndorsements);
        AddKey(key);
        return key;
    }

    /// <summary>Starts serving <paramref name="key"/> in the JWKS.</summary>
    public void AddKey(OpenIdTestKey key)
    {
        lock (gate)
        {
            keys.Add(key);
        }
    }

    /// <summary>Stops serving <paramref name="key"/> (a revoked or rotated-out key).</summary>
    public void RemoveKey(OpenIdTestKey key)
    {
        lock (gate)
        {
            keys.Remove(key);
        }
    }

    /// <summary>
    /// Mints a token like the Bot Connector's: <c>iss</c> = <see cref="BotFrameworkIssuer"/>, <c>aud</c> =
    /// <paramref name="audience"/>, <c>serviceurl</c> (omitted when null), <c>nbf</c>/<c>iat</c> one minute before
    /// <paramref name="now"/> and <c>exp</c> one hour after it. <paramref name="customize"/> may change anything,
    /// e.g. set <c>SigningCredentials</c> to null for an unsigned token or <c>Expires</c> to null for no <c>exp</c>.
    /// </summary>
    public static string CreateToken(
        SigningCredentials? signingCredentials,
        string audience,
        string? serviceUrl,
        DateTimeOffset now,
        Action<SecurityTokenDescriptor>? customize = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims[ServiceUrlClaimType] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime.AddMinutes(-1),
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddHours(1),
            Claims = claims,
            SigningCredentials = signingCredentials,
        };
        customize?.Invoke(descriptor);
        // Explicit times only: the handler would otherwise fill in wall-clock times that ignore a fake clock.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }

    /// <inheritdoc cref="CreateToken(SigningCredentials?, string, string?, DateTimeOffset, Action{SecurityTokenDescriptor}?)"/>
    public static string CreateToken(
        OpenIdTestKey key,
        string audience,
        string? serviceUrl,
        DateTimeOffset now,
        Action<SecurityTokenDescriptor>? customize = null) =>
        CreateToken(key.SigningCredentials(), audience, serviceUrl, now, customize);

    public async ValueTask DisposeAsync()
    {
        released.TrySetResult();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        lock (gate)
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            keys.Clear();
        }
    }

    private async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (Hang)
        {
            hanging.TrySetResult();
            await released.Task.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        JsonObject body;
        if (request.Path == MetadataPath)
        {
            body = new JsonObject
            {
                ["issuer"] = BotFrameworkIssuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = KeysUrl,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
        }
        else if (request.Path == KeysPath)
        {
            lock (gate)
            {
                body = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) };
            }
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
