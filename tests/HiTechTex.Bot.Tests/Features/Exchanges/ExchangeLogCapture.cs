using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>Keeps the log entries of an <see cref="ExchangeDialogTestHost"/> so a test can assert on their event ids and levels.</summary>
internal sealed class ExchangeLogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Message)> entries = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Message)> Entries => [.. entries];

    /// <summary>Called with each entry's event id as it is logged (a test's hook on a moment of the code under test).</summary>
    public Action<int>? Observed { get; set; }

    public ILogger CreateLogger(string categoryName) => new Logger(entries, this);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(int, LogLevel, string)> entries, ExchangeLogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
            capture.Observed?.Invoke(eventId.Id);
        }
    }
}
