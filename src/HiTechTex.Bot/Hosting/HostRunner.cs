using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;

namespace HiTechTex.Bot.Hosting;

/// <summary>Runs the web host, turning a start-up failure a developer can fix at once into one clear line.</summary>
internal static class HostRunner
{
    /// <summary>The exit code when the host could not listen because its address is taken.</summary>
    public const int AddressInUseExitCode = 2;

    /// <summary>
    /// Runs <paramref name="app"/> until it stops. When its port is already in use (a second <c>dotnet run</c>, another
    /// local bot), Kestrel's <see cref="IOException"/> used to end the process with an unhandled stack trace; now one
    /// line on <paramref name="error"/> says which address is taken and how to pick another, and the exit code is
    /// <see cref="AddressInUseExitCode"/>. The configured addresses are tried before the host starts, so that the
    /// host's own start-up failure log (a stack trace) is not written either; a port taken between that check and the
    /// start still ends with the same line.
    /// </summary>
    /// <returns>0 after a normal stop.</returns>
    public static async Task<int> RunAsync(WebApplication app, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(error);
        var urls = ListenAddresses(app.Configuration);
        // Only Kestrel listens on the addresses: a test host's in-memory server (WebApplicationFactory) takes none, and a
        // port taken by another test's bot must not stop it.
        if (ListensOnSockets(app) && TakenAddress(urls) is { } taken)
        {
            await error.WriteLineAsync(AddressInUseMessage(taken)).ConfigureAwait(false);
            return AddressInUseExitCode;
        }

        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            await error.WriteLineAsync(AddressInUseMessage(string.IsNullOrWhiteSpace(urls) ? "its port" : urls)).ConfigureAwait(false);
            return AddressInUseExitCode;
        }
    }

    /// <summary>
    /// The addresses Kestrel will listen on, as it chooses them: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) when
    /// set, otherwise <c>http_ports</c>/<c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>, <c>ASPNETCORE_HTTPS_PORTS</c>,
    /// semicolon-separated port numbers, every interface); null when neither is set (Kestrel's own default).
    /// </summary>
    internal static string? ListenAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls && !string.IsNullOrWhiteSpace(urls))
        {
            return urls;
        }

        var ports = Ports(configuration[WebHostDefaults.HttpPortsKey], "http")
            .Concat(Ports(configuration[WebHostDefaults.HttpsPortsKey], "https"))
            .ToList();
        return ports.Count == 0 ? null : string.Join(';', ports);

        static IEnumerable<string> Ports(string? value, string scheme) =>
            (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => $"{scheme}://*:{port}");
    }

    /// <summary>Whether the host's server is Kestrel (which binds the configured addresses), not an in-memory test server.</summary>
    internal static bool ListensOnSockets(WebApplication app) =>
        app.Services.GetService<IServer>() is { } server
        && server.GetType().Assembly == typeof(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions).Assembly;

    /// <summary>The line said when <paramref name="address"/> cannot be listened on.</summary>
    public static string AddressInUseMessage(string address) =>
        $"HiTechTex.Bot cannot start: {address} is already in use by another program. Stop that program, or pick another port with --urls http://localhost:NNNN or the ASPNETCORE_URLS variable.";

    /// <summary>
    /// The first of the configured <paramref name="urls"/> (semicolon-separated, as Kestrel reads them) whose port
    /// another program already listens on; null when all are free or cannot be checked here (port 0, a Unix socket or
    /// named pipe: Kestrel's own start says so then). A host name other than localhost is checked on every interface,
    /// where Kestrel listens for it.
    /// </summary>
    internal static string? TakenAddress(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                continue;   // Kestrel reports a malformed address itself.
            }

            if (address.IsNamedPipe || address.IsUnixPipe || address.Port <= 0)
            {
                continue;
            }

            if (InUse(new IPEndPoint(Endpoint(address.Host), address.Port)))
            {
                return url;
            }
        }

        return null;
    }

    private static IPAddress Endpoint(string host) => host switch
    {
        // Kestrel binds localhost on the IPv4 loopback first and fails when that is taken.
        _ when string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        // Kestrel binds every interface for a host name it is given ("http://bot.example:3978", with a warning).
        _ => IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : IPAddress.Any,
    };

    private static bool InUse(IPEndPoint endpoint)
    {
        using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(endpoint);
            return false;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;   // Not ours to judge (an address this machine does not have, no IPv6): Kestrel says so.
        }
    }
}
