using System.Reflection;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Tests.Observability;

/// <summary>
/// Every log message of the bot and its protocol library has its own event id, so an operator's alert or query on an id
/// (e.g. "1601: Azure OpenAI fell back") means one thing. Two source-generated log classes used 1501–1503 for
/// different messages until this test.
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLoggerMessage_HasAnEventIdOfItsOwn()
    {
        var messages = new[] { typeof(HiTechTex.Bot.Features.Conversation.Log).Assembly, typeof(ActivityDeduplicationMiddleware).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (Id: m.Attribute!.EventId, Name: $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))
            .ToList();

        Assert.True(messages.Count > 100, $"only {messages.Count} log messages found: the reflection no longer sees them");
        var shared = messages.GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}")
            .ToList();
        Assert.True(shared.Count == 0, "event ids used twice:\n" + string.Join("\n", shared));
    }
}
