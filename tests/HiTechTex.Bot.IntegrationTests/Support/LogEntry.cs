using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests.Support;

internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
