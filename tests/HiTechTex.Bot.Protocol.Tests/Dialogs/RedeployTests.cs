using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class RedeployTests
{
    private const string Apology = "Sorry — I was updated and lost track of our conversation. Let's start again.";

    private static Dialog Survey(string rootId, int stepCount)
    {
        var root = new ComponentDialog(rootId);
        var steps = Enumerable.Range(1, stepCount)
            .Select<int, WaterfallStep>(n => (step, ct) => step.PromptAsync("text", PromptOptions.Text($"Question {n}?"), ct))
            .ToList();
        root.AddDialog(new WaterfallDialog("survey", steps));
        root.AddDialog(new TextPrompt("text"));
        return root;
    }

    [Fact]
    public async Task RunAsync_StoredRootIdUnknown_ApologisesLogsAndBeginsRoot()
    {
        // Arrange: the conversation was stored by a build whose root dialog had another id.
        var storage = new MemoryStorage();
        await DialogTestHost.Flow(storage, () => Survey("survey.v1", 3))
            .Send("hi").AssertReply("Question 1?")
            .StartTestAsync();
        var logger = new RecordingLogger();

        // Act / Assert
        await DialogTestHost.Flow(storage, () => Survey("survey.v2", 3), logger: logger)
            .Send("answer").AssertReply(Apology).AssertReply("Question 1?").AssertNoReply()
            .Send("a1").AssertReply("Question 2?")
            .StartTestAsync();
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(1400, entry.EventId.Id);
        Assert.Contains("survey.v1", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("answer", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoredStepIndexBeyondSteps_ApologisesAndBeginsRoot()
    {
        // Arrange: waiting in step 3 of 3; the new build has only 2 steps.
        var storage = new MemoryStorage();
        await DialogTestHost.Flow(storage, () => Survey("survey", 3))
            .Send("hi").AssertReply("Question 1?")
            .Send("a1").AssertReply("Question 2?")
            .Send("a2").AssertReply("Question 3?")
            .StartTestAsync();
        var logger = new RecordingLogger();

        // Act / Assert
        await DialogTestHost.Flow(storage, () => Survey("survey", 2), logger: logger)
            .Send("a3").AssertReply(Apology).AssertReply("Question 1?").AssertNoReply()
            .StartTestAsync();
        Assert.Contains("step index 2 outside 2 steps", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoredInnerDialogUnknown_ApologisesAndBeginsRoot()
    {
        // Arrange: same root id, but the prompt inside it was renamed.
        var storage = new MemoryStorage();
        await DialogTestHost.Flow(storage, () => Survey("survey", 2))
            .Send("hi").AssertReply("Question 1?")
            .StartTestAsync();
        static Dialog Renamed()
        {
            var root = new ComponentDialog("survey");
            root.AddDialog(new WaterfallDialog("survey", [(step, ct) => step.PromptAsync("freeText", PromptOptions.Text("New question?"), ct)]));
            root.AddDialog(new TextPrompt("freeText"));
            return root;
        }

        // Act / Assert
        await DialogTestHost.Flow(storage, Renamed)
            .Send("a1").AssertReply(Apology).AssertReply("New question?")
            .Send("x").AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_StoredStateUnreadable_ApologisesAndBeginsRoot()
    {
        // Arrange: a dialog stack that is not the expected shape at all.
        var storage = new MemoryStorage();
        using var broken = System.Text.Json.JsonDocument.Parse("""{ "dialogState": { "dialogStack": "oops" } }""");
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/conversations/a:conversation-1"] = new(broken.RootElement.Clone(), null) });
        var logger = new RecordingLogger();

        // Act / Assert
        await DialogTestHost.Flow(storage, () => Survey("survey", 1), logger: logger)
            .Send("hi").AssertReply(Apology).AssertReply("Question 1?")
            .StartTestAsync();
        Assert.Equal(1401, Assert.Single(logger.Entries).EventId.Id);
    }

    [Fact]
    public async Task RunAsync_StoredPromptOptionsUnreadable_ApologisesAndBeginsRoot()
    {
        // Arrange: a prompt waiting with options of a shape this build cannot read.
        var storage = new MemoryStorage();
        using var stored = System.Text.Json.JsonDocument.Parse("""
            { "dialogState": { "dialogStack": [
              { "id": "survey", "state": { "dialogs": { "dialogStack": [
                { "id": "text", "state": { "options": { "prompt": 42 }, "attemptCount": 0 } },
                { "id": "survey", "state": { "stepIndex": 0, "values": {} } } ] } } } ] } }
            """);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["msteams/conversations/a:conversation-1"] = new(stored.RootElement.Clone(), null) });
        var logger = new RecordingLogger();

        // Act / Assert
        await DialogTestHost.Flow(storage, () => Survey("survey", 2), logger: logger)
            .Send("answer").AssertReply(Apology).AssertReply("Question 1?")
            .StartTestAsync();
        Assert.Equal(1401, Assert.Single(logger.Entries).EventId.Id);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Entries.Add((logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
