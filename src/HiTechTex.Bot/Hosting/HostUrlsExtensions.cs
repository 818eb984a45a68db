namespace HiTechTex.Bot.Hosting;

/// <summary>Where the host listens when nothing else says so.</summary>
internal static class HostUrlsExtensions
{
    /// <summary>The Bot Framework tools' conventional local endpoint (Agents Playground, Emulator, dev tunnels).</summary>
    public const string DefaultUrls = "http://localhost:3978";

    /// <summary>
    /// Listens on <see cref="DefaultUrls"/> unless <c>ASPNETCORE_URLS</c> / <c>--urls</c> / <c>Urls</c> or
    /// <c>ASPNETCORE_HTTP(S)_PORTS</c> is set. Done in code rather than in appsettings.json because a <c>Urls</c> key
    /// there would override <c>ASPNETCORE_URLS</c> from the environment, which hosting platforms rely on.
    /// </summary>
    public static WebApplicationBuilder UseDefaultBotUrls(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) &&
            string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey]) &&
            string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        return builder;
    }
}
