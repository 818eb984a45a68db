using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HiTechTex.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Tests.Hosting;

/// <summary>
/// <c>dotnet run</c> with the port already in use (a second bot, another local server) ended with an unhandled
/// IOException and its stack trace; now the host says in one line which address is taken and how to pick another, and
/// exits with a non-zero code. The host here is a real Kestrel one on a port this test holds.
/// </summary>
public sealed class HostRunnerTests
{
    [Fact]
    public async Task RunAsync_PortAlreadyInUse_OneLineSayingSoAndHowToPickAnother_NonZeroExit()
    {
        using var holder = Hold(IPAddress.Loopback);
        var url = $"http://localhost:{Port(holder)}";
        await using var app = HostOn(url);
        using var error = new StringWriter();

        var exitCode = await HostRunner.RunAsync(app, error);

        Assert.Equal(HostRunner.AddressInUseExitCode, exitCode);
        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HostRunner.AddressInUseMessage(url), line);
        Assert.Contains("--urls http://localhost:NNNN", line, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HostNameWhosePortIsTakenOnEveryInterface_OneLine()
    {
        // Kestrel listens on every interface for a host name; the check probes there too, before Kestrel's own failure log.
        using var holder = Hold(IPAddress.Any);
        var url = $"http://bot.invalid:{Port(holder)}";
        await using var app = HostOn(url);
        using var error = new StringWriter();

        var exitCode = await HostRunner.RunAsync(app, error);

        Assert.Equal(HostRunner.AddressInUseExitCode, exitCode);
        Assert.Equal(HostRunner.AddressInUseMessage(url) + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task RunAsync_PortTakenOnAnAddressTheCheckDoesNotSee_KestrelsFailureIsTheSameLine()
    {
        // The check's IPv6 probe is IPv6-only; Kestrel binds "[::]" in dual mode, which the IPv4 holder blocks: the
        // failure comes from Kestrel's start (as for a port taken between the check and the start) and says the same.
        if (!Socket.OSSupportsIPv6)
        {
            return;   // No IPv6 here: the pre-start check covers every address this machine can bind.
        }

        using var holder = Hold(IPAddress.Any);
        var url = $"http://[::]:{Port(holder)}";
        Assert.Null(HostRunner.TakenAddress(url));
        await using var app = HostOn(url);
        using var error = new StringWriter();

        var exitCode = await HostRunner.RunAsync(app, error);

        Assert.Equal(HostRunner.AddressInUseExitCode, exitCode);
        Assert.Equal(HostRunner.AddressInUseMessage(url) + Environment.NewLine, error.ToString());
    }

    /// <summary>
    /// A host whose server is not Kestrel (WebApplicationFactory's in-memory one) listens on no address: a configured port
    /// that another program holds — another test's bot — must not stop it (it did: every in-memory test host of the CI
    /// run failed while the browser tests' bot held the port).
    /// </summary>
    [Fact]
    public async Task RunAsync_ServerThatIsNotKestrel_ConfiguredPortTaken_RunsAsUsual()
    {
        using var holder = Hold(IPAddress.Loopback);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port(holder)}");
        builder.Services.AddSingleton<IServer, InMemoryServer>();
        await using var app = builder.Build();
        var started = false;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            started = true;
            app.Lifetime.StopApplication();
        });
        using var error = new StringWriter();

        var exitCode = await HostRunner.RunAsync(app, error);

        Assert.Equal(0, exitCode);
        Assert.True(started);
        Assert.Equal("", error.ToString());
    }

    [Theory]
    [InlineData("http://localhost:0")]
    [InlineData("http://unix:/tmp/bot.sock")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void TakenAddress_NothingItCanCheck_Null(string? urls) => Assert.Null(HostRunner.TakenAddress(urls));

    [Fact]
    public void TakenAddress_SecondOfTwoUrlsTaken_NamesThatOne()
    {
        using var holder = Hold(IPAddress.Loopback);
        using var free = Hold(IPAddress.Loopback);
        var freePort = Port(free);
        free.Stop();
        var taken = $"http://127.0.0.1:{Port(holder)}";

        Assert.Equal(taken, HostRunner.TakenAddress($"http://127.0.0.1:{freePort}; {taken}"));
    }

    [Fact]
    public async Task RunAsync_HttpPortsVariableNamesATakenPort_OneLineNamingIt()
    {
        using var holder = Hold(IPAddress.Any);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[WebHostDefaults.HttpPortsKey] = Port(holder).ToString(CultureInfo.InvariantCulture);
        await using var app = builder.Build();
        using var error = new StringWriter();

        var exitCode = await HostRunner.RunAsync(app, error);

        Assert.Equal(HostRunner.AddressInUseExitCode, exitCode);
        Assert.Equal(HostRunner.AddressInUseMessage($"http://*:{Port(holder)}") + Environment.NewLine, error.ToString());
    }

    [Theory]
    [InlineData("http://localhost:4000", "5000", "http://localhost:4000")]
    [InlineData(null, "5000", "http://*:5000")]
    [InlineData("", "5000;5001", "http://*:5000;http://*:5001")]
    [InlineData(null, null, null)]
    public void ListenAddresses_UrlsFirstThenPorts(string? urls, string? httpPorts, string? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [WebHostDefaults.ServerUrlsKey] = urls,
                [WebHostDefaults.HttpPortsKey] = httpPorts,
            })
            .Build();

        Assert.Equal(expected, HostRunner.ListenAddresses(configuration));
    }

    [Fact]
    public void ListenAddresses_HttpsPortsToo()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [WebHostDefaults.HttpPortsKey] = "8080",
                [WebHostDefaults.HttpsPortsKey] = "8443",
            })
            .Build();

        Assert.Equal("http://*:8080;https://*:8443", HostRunner.ListenAddresses(configuration));
    }

    private static TcpListener Hold(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    private static WebApplication HostOn(string url)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        return builder.Build();
    }

    private sealed class InMemoryServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
