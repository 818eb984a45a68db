using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

/// <summary>The mark of an activity, alone and with the conversation reference stored in the same write; the answers to a duplicate.</summary>
public sealed class ActivityDeduplicationMiddlewareTests
{
    private readonly InMemoryConversationReferenceStore references = new();
    private readonly ConversationReferenceCache cache = new(new FakeTimeProvider());
    private int botRuns;

    [Fact]
    public async Task FirstActivity_CombiningStore_StoresTheReferenceWithTheMarkAndTheReferenceMiddlewareWritesNothing()
    {
        var store = new MemoryMarks(combines: true);

        await RunAsync(store, Message("act-1"));
        await RunAsync(store, Message("act-2"));

        Assert.Equal(2, botRuns);
        var stored = Assert.Single(store.ReferencesStored);
        Assert.Equal("a:conv-1", stored.Conversation?.Id);
        Assert.Equal(TestActivities.ServiceUrl, stored.ServiceUrl);
        Assert.Equal("en-US", stored.Locale);
        Assert.Equal(0, references.Saves);
    }

    [Fact]
    public async Task Redelivery_CombiningStore_BotRunsOnceAndTheReferenceIsStoredOnce()
    {
        var store = new MemoryMarks(combines: true);

        await RunAsync(store, Message("act-1"));
        await RunAsync(store, Message("act-1"));
        await RunAsync(store, Message("act-1"));

        Assert.Equal(1, botRuns);
        Assert.Single(store.ReferencesStored);
    }

    [Fact]
    public async Task CombinedWriteFails_MarksAloneAndTheReferenceMiddlewareSavesTheReference()
    {
        var store = new MemoryMarks(combines: true) { FailCombinedWith = new InvalidOperationException("database busy") };

        await RunAsync(store, Message("act-1"));
        await RunAsync(store, Message("act-1"));

        Assert.Equal(1, botRuns);
        Assert.Empty(store.ReferencesStored);
        Assert.Equal(1, references.Saves);
        Assert.True(references.References.ContainsKey("a:conv-1"));
    }

    [Fact]
    public async Task StoreThatCannotCombine_TheReferenceMiddlewareSavesTheReference()
    {
        var store = new MemoryMarks(combines: false);

        await RunAsync(store, Message("act-1"));

        Assert.Equal(1, botRuns);
        Assert.Equal(1, references.Saves);
    }

    [Fact]
    public async Task ActivityWithoutLocale_LeftToTheReferenceMiddleware()
    {
        // It keeps a stored locale when the activity has none, which takes a read first.
        var store = new MemoryMarks(combines: true);
        var activity = Message("act-1");
        activity.Locale = null;

        await RunAsync(store, activity);

        Assert.Empty(store.ReferencesStored);
        Assert.Equal(1, references.Saves);
    }

    [Fact]
    public async Task CardActionRedelivered_NoMessagesGiven_AnswersAlreadyDoneInEnglishWithoutRunningTheBot()
    {
        var store = new MemoryMarks(combines: true);

        await RunAsync(store, Invoke("act-1", InvokeNames.AdaptiveCardAction));
        var duplicate = await RunAsync(store, Invoke("act-1", InvokeNames.AdaptiveCardAction));

        Assert.Equal(1, botRuns);
        Assert.Equal(200, duplicate.InvokeResponse!.Status);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(duplicate.InvokeResponse.Body);
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, body.Type);
        Assert.Equal(ActivityDeduplicationMiddleware.AlreadyDoneMessage, body.Value!.Value.GetString());
    }

    [Fact]
    public async Task CardActionRedelivered_HostsMessages_AnswersTheirAlreadyDoneForTheActivitysLocale()
    {
        var store = new MemoryMarks(combines: true);
        var activity = Invoke("act-1", InvokeNames.AdaptiveCardAction);
        activity.Locale = "pt-PT";

        await RunAsync(store, activity, new LocaleEcho());
        var duplicate = await RunAsync(store, activity, new LocaleEcho());

        Assert.Equal(1, botRuns);
        var body = Assert.IsType<AdaptiveCardInvokeResponse>(duplicate.InvokeResponse!.Body);
        Assert.Equal("Já está feito (pt-PT)", body.Value!.Value.GetString());
    }

    [Fact]
    public async Task ComposeExtensionQueryRedelivered_ReadOnly_BotRunsAgainAndNothingIsMarked()
    {
        var store = new MemoryMarks(combines: true);

        await RunAsync(store, Invoke("act-1", InvokeNames.ComposeExtensionQuery));
        var duplicate = await RunAsync(store, Invoke("act-1", InvokeNames.ComposeExtensionQuery));

        Assert.Equal(2, botRuns);
        Assert.Equal(200, duplicate.InvokeResponse!.Status);
        Assert.NotNull(duplicate.InvokeResponse.Body);
        Assert.Empty(store.ReferencesStored);
    }

    [Theory]
    [InlineData("task/submit")]
    [InlineData("composeExtension/submitAction")]
    [InlineData("signin/verifyState")]
    public async Task OtherInvokeRedelivered_NotRunAgain_AnsweredConflictWithABodyNeverEmpty200(string name)
    {
        var store = new MemoryMarks(combines: true);

        await RunAsync(store, Invoke("act-1", name));
        var duplicate = await RunAsync(store, Invoke("act-1", name));

        Assert.Equal(1, botRuns);
        Assert.Equal(ActivityDeduplicationMiddleware.DuplicateInvokeStatus, duplicate.InvokeResponse!.Status);
        var error = Assert.IsType<ErrorDetail>(duplicate.InvokeResponse.Body);
        Assert.Equal(ActivityDeduplicationMiddleware.DuplicateInvokeCode, error.Code);
    }

    private static Activity Invoke(string id, string name)
    {
        var activity = Message(id);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = name;
        activity.Text = null;
        return activity;
    }

    private static Activity Message(string id)
    {
        var activity = TestActivities.Message();
        activity.Id = id;
        activity.Locale = "en-US";
        return activity;
    }

    private async Task<TurnContext> RunAsync(IProcessedActivityStore store, Activity activity, IDialogMessages? messages = null)
    {
        var deduplication = new ActivityDeduplicationMiddleware(store, NullLogger<ActivityDeduplicationMiddleware>.Instance, cache, messages);
        var referenceMiddleware = new ConversationReferenceMiddleware(references, cache, NullLogger<ConversationReferenceMiddleware>.Instance);
        var context = new TurnContext(activity, new RecordingConnectorClient());
        await deduplication.OnTurnAsync(
            context,
            ct => referenceMiddleware.OnTurnAsync(context, _ => { botRuns++; Answer(context); return Task.CompletedTask; }, ct),
            CancellationToken.None);
        return context;
    }

    /// <summary>What a bot answers an invoke it handles: a result, never an empty body.</summary>
    private static void Answer(TurnContext context)
    {
        if (context.Activity.IsType(ActivityTypes.Invoke))
        {
            context.InvokeResponse = new InvokeResponse(200, AdaptiveCardInvokeResponse.Message("Done"));
        }
    }

    /// <summary>A host's messages: says which locale it was asked for.</summary>
    private sealed class LocaleEcho : EnglishDialogMessages
    {
        public override string AlreadyDone(string? locale) => $"Já está feito ({locale})";
    }

    /// <summary>Marks in memory; with <c>combines</c>, stores the reference with a first mark.</summary>
    private sealed class MemoryMarks(bool combines) : IProcessedActivityStore
    {
        private readonly HashSet<string> marks = [];

        public List<ConversationReference> ReferencesStored { get; } = [];

        public Exception? FailCombinedWith { get; init; }

        public Task<bool> TryMarkProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
            Task.FromResult(marks.Add($"{channelId}/{conversationId}/{activityId}"));

        public async Task<ActivityMark> TryMarkProcessedAsync(
            string channelId, string conversationId, string activityId, ConversationReference? reference, CancellationToken cancellationToken)
        {
            if (!combines)
            {
                return await ((IProcessedActivityStore)new DefaultOnly(this)).TryMarkProcessedAsync(channelId, conversationId, activityId, reference, cancellationToken);
            }

            if (FailCombinedWith is not null)
            {
                throw FailCombinedWith;
            }

            var first = await TryMarkProcessedAsync(channelId, conversationId, activityId, cancellationToken);
            if (first && reference is not null)
            {
                ReferencesStored.Add(reference);
            }

            return new ActivityMark(first, first && reference is not null);
        }
    }

    /// <summary>A store with only the plain mark: the interface's default combines nothing.</summary>
    private sealed class DefaultOnly(IProcessedActivityStore inner) : IProcessedActivityStore
    {
        public Task<bool> TryMarkProcessedAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
            inner.TryMarkProcessedAsync(channelId, conversationId, activityId, cancellationToken);
    }
}
