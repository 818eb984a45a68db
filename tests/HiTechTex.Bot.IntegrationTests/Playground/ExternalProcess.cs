using System.Diagnostics;
using System.Text;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// A child process whose standard output and error are captured line by line, killed with its whole process tree
/// on dispose. The captured output is what a failing end-to-end test prints.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private ExternalProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    /// <summary>A short label used in diagnostics, e.g. <c>bot</c>.</summary>
    public string Name { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything written to stdout and stderr so far, stderr lines prefixed with <c>!</c>.</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>, extra environment variables and, optionally,
    /// variables of the test process that the child must not inherit.
    /// </summary>
    public static ExternalProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        IEnumerable<string>? removedVariables = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        foreach (var key in removedVariables ?? [])
        {
            startInfo.Environment.Remove(key);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var wrapper = new ExternalProcess(name, process);
        process.OutputDataReceived += (_, e) => wrapper.Append(e.Data, "");
        process.ErrorDataReceived += (_, e) => wrapper.Append(e.Data, "! ");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name}: {fileName}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>A one-line reason when the process has exited, for <see cref="Eventually"/>'s fail-fast check.</summary>
    public string? ExitReason() => process.HasExited ? $"{Name} exited with code {process.ExitCode}" : null;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refused to die within the timeout: nothing more a test can do about it.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Append(string? line, string prefix)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            output.Append(prefix).AppendLine(line);
        }
    }
}
