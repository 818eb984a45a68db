using System.Net;
using System.Net.Sockets;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// Finds a loopback port that is free right now, for a child process that must be told its port up front. It is taken
/// below the kernel's ephemeral range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>, 32768–60999 by default): a port
/// the kernel hands out (bind to 0) is also the source port of the next outgoing connection, and with the other tests'
/// HTTP clients running in parallel one of them took it before the bot had started listening ("address already in use").
/// </summary>
public static class FreeTcpPort
{
    private const int LowestPort = 10_000;

    public static int Next()
    {
        var ephemeralStart = EphemeralRangeStart();
        if (ephemeralStart - LowestPort >= 1_000)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, ephemeralStart);
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return range.Length > 0 && int.TryParse(range[0], System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 0;
        }
        catch (IOException)
        {
            return 0;   // not Linux: the kernel's pick, as before
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Whether <paramref name="port"/> on the loopback interface can be listened on now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
