using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Tests.Authentication;

/// <summary>An <see cref="ILogger{T}"/> that keeps every entry (formatted message and exception text) for assertions.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId EventId, string Text)> entries = new();

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Text)> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((logLevel, eventId, formatter(state, exception) + Environment.NewLine + exception));
}
