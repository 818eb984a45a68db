using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>The published host started as a real process on a free loopback port (Development environment).</summary>
internal sealed partial class PublishedApp : IAsyncDisposable
{
    private readonly Process process;

    private PublishedApp(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="userDataDirectory">The per-user data folder of the process (XDG_DATA_HOME / LOCALAPPDATA), where the
    /// default SQLite database goes.</param>
    public static async Task<PublishedApp> StartAsync(string publishDirectory, string workingDirectory, string userDataDirectory)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(Path.Combine(publishDirectory, "HiTechTex.Bot.dll"));
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        startInfo.Environment["XDG_DATA_HOME"] = userDataDirectory;
        startInfo.Environment["LOCALAPPDATA"] = userDataDirectory;

        var process = Process.Start(startInfo)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The app exited:\n" + string.Join('\n', output)));
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new PublishedApp(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
