using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Tests.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Two instances process two clicks of one conversation's Submit at once: the second read the state before the first
/// saved it. Before: the second click got "already submitted" and then "I was still working on your previous message —
/// please send that again." (its state could not be saved). Its answer is right and nothing of it waits: no conflict
/// message after it.
/// </summary>
public sealed partial class StateConflictAfterAnswerTests : IDisposable
{
    private const string ConversationKey = "msteams/conversations/a:conversation-1";
    private readonly StaleReadStorage storage = new();
    private readonly ExchangeDialogTestHost host;

    public StateConflictAfterAnswerTests() => host = new ExchangeDialogTestHost(storage: storage);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Submit_SecondClickOnAnotherInstanceWithTheStateBeforeTheFirst_AlreadySubmittedWithoutSendAgain()
    {
        await host.Conversation.SeedProfileAsync("en");
        string? formId = null;
        var second = new List<string?>();

        await host.Conversation.Flow()
            .Send("apply for an exchange")
            .AssertReply(r => formId = FormIdOf(r), "the form")
            .Do(() => storage.SnapshotAsync([ConversationKey, ConversationTestHost.UserKey]))
            .Send(() => Click(formId!))
            .AssertReply(r => Assert.Single(r.Attachments ?? []), "the application's card")
            .Do(() =>
            {
                storage.ServeSnapshotOnNextRead = true;   // the other instance: it read before the first click was saved
                return Task.CompletedTask;
            })
            .Send(() => Click(formId!))
            .AssertReply(r => second.Add(r.Text), "already submitted")
            .AssertNoReply()
            .StartTestAsync();

        var application = Assert.Single(await host.ApplicationsAsync());
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
        Assert.Equal([string.Format(CultureInfo.InvariantCulture, ExchangeTexts.English.AlreadySubmittedFormat, application.Reference)], second);
        Assert.Equal(1, storage.StaleReads);
        Assert.DoesNotContain(ConversationTexts.En.Busy, second);
    }

    private Activity Click(string id) => host.Conversation.Submit(new
    {
        formId = id, op = "submit", visitingId = "hitechtex-citeve", hostQuery = "clutex", hostId = "hitechtex-clutex",
        startDate = "2027-03-01", endDate = "2027-03-05", activityType = "KnowledgeSharing",
        objectives = "Learn the nonwoven pilot line.", agenda = "Day 1: lab.", outcomes = "A joint proposal.",
    });

    private static string FormIdOf(Activity reply)
    {
        var id = FormIdPattern().Match(reply.Text + string.Concat((reply.Attachments ?? []).Select(a => JsonSerializer.Serialize(a.Content)))).Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();

    /// <summary>A <see cref="MemoryStorage"/> that can serve one read from a snapshot (with its old ETags), as another instance's read before a write.</summary>
    private sealed class StaleReadStorage : IStorage
    {
        private readonly MemoryStorage inner = new();
        private IReadOnlyDictionary<string, StoreItem>? snapshot;

        public bool ServeSnapshotOnNextRead { get; set; }

        public int StaleReads { get; private set; }

        public async Task SnapshotAsync(IReadOnlyCollection<string> keys) => snapshot = await inner.ReadAsync(keys);

        public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
        {
            if (ServeSnapshotOnNextRead && snapshot is { } stale)
            {
                ServeSnapshotOnNextRead = false;
                StaleReads++;
                return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(
                    keys.Where(stale.ContainsKey).ToDictionary(k => k, k => stale[k], StringComparer.Ordinal));
            }

            return inner.ReadAsync(keys, cancellationToken);
        }

        public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
