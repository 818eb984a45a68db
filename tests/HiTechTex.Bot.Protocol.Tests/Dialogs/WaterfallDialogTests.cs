using System.Text.Json;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task RunAsync_WaterfallAcrossTurns_PersistsStackAndValuesInStorage()
    {
        // Arrange
        var storage = new MemoryStorage();
        var flow = DialogTestHost.Flow(storage, () => new ProfileDialog());

        // Act / Assert
        await flow
            .Send("hi").AssertReply(ProfileDialog.NamePrompt)
            .Do(async () =>
            {
                var stored = await storage.ReadAsync(["msteams/conversations/a:conversation-1"]);
                var stack = stored.Values.Single().Value.GetProperty(DialogTestHost.DialogStateProperty).GetProperty("dialogStack");
                Assert.Equal("profile", stack[0].GetProperty("id").GetString());
            })
            .Send("Ana").AssertReply("How old are you, Ana?")
            .Send("30").AssertReply("Thanks, Ana (30).")
            .AssertNoReply()
            .Send("again").AssertReply(ProfileDialog.NamePrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_CompletedRootDialog_ReturnsCompleteWithResult()
    {
        // Arrange
        var storage = new MemoryStorage();
        var results = new List<DialogTurnResult>();
        var adapter = new Testing.Dialogs.TestAdapter(async (turnContext, ct) =>
        {
            var state = new ConversationState(storage);
            results.Add(await new ProfileDialog().RunAsync(turnContext, state.CreateProperty<DialogState>("dialogState"), ct));
            await state.SaveChangesAsync(turnContext, false, ct);
        });

        // Act
        await adapter.ProcessActivityAsync(adapter.MakeMessage("hi"));
        await adapter.ProcessActivityAsync(adapter.MakeMessage("Ana"));
        await adapter.ProcessActivityAsync(adapter.MakeMessage("41"));

        // Assert
        Assert.Equal([DialogTurnStatus.Waiting, DialogTurnStatus.Waiting, DialogTurnStatus.Complete], results.Select(r => r.Status));
        Assert.Equal("Ana (41)", results[^1].Result);
    }

    [Fact]
    public async Task NextAsync_SkipsPromptAndPassesResult()
    {
        // Arrange
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.NextAsync(42, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Got {step.Result} via {step.Reason}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));

        // Act / Assert
        await DialogTestHost.Flow(new MemoryStorage(), () => root)
            .Send("hi").AssertReply("Got 42 via NextCalled")
            .StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        // Arrange
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]));
        var flow = DialogTestHost.Flow(new MemoryStorage(), () => root).Send("hi");

        // Act / Assert
        await Assert.ThrowsAsync<InvalidOperationException>(() => flow.StartTestAsync());
    }

    [Fact]
    public async Task ReplaceDialogAsync_LoopsWaterfallWithOptions()
    {
        // Arrange: a loop that counts to 3 through options, one turn per round.
        static Dialog CreateRoot()
        {
            var root = new ComponentDialog("counter");
            root.AddDialog(new WaterfallDialog("loop",
            [
                (step, ct) => step.PromptAsync("text", PromptOptions.Text($"Round {step.GetOptions<int>()}?"), ct),
                (step, ct) => step.GetOptions<int>() < 2
                    ? step.ReplaceDialogAsync("loop", step.GetOptions<int>() + 1, ct)
                    : step.EndDialogAsync("done", ct),
            ]));
            root.AddDialog(new TextPrompt("text"));
            return root;
        }

        // Act / Assert
        await DialogTestHost.Flow(new MemoryStorage(), CreateRoot)
            .Send("go").AssertReply("Round 0?")
            .Send("a").AssertReply("Round 1?")
            .Send("b").AssertReply("Round 2?")
            .Send("c").AssertNoReply()
            .Send("again").AssertReply("Round 0?")
            .StartTestAsync();
    }

    [Fact]
    public async Task GetValue_AfterReload_ConvertsJsonBackToType()
    {
        // Arrange: a complex value stored in one turn and read in the next.
        var root = new ComponentDialog("root");
        root.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) =>
            {
                step.Values["dates"] = new List<DateOnly> { new(2026, 12, 3) };
                return step.PromptAsync("text", PromptOptions.Text("Ready?"), ct);
            },
            async (step, ct) =>
            {
                var isJson = step.Values["dates"] is JsonElement;
                var dates = step.GetValue<List<DateOnly>>("dates")!;
                await step.Context.SendActivityAsync($"{isJson} {dates[0]:yyyy-MM-dd}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(new TextPrompt("text"));

        // Act / Assert
        await DialogTestHost.Flow(new MemoryStorage(), () => root)
            .Send("hi").AssertReply("Ready?")
            .Send("yes").AssertReply("True 2026-12-03")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelAllDialogsAsync_EmptyStack_ReturnsEmpty()
    {
        // Arrange
        var turnContext = new Testing.Dialogs.TestTurnContext(new Schema.Activity { Type = "message" });
        var dc = new DialogContext(new DialogSet(), turnContext, new DialogState());

        // Act
        var result = await dc.CancelAllDialogsAsync();

        // Assert
        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        // Arrange
        var set = new DialogSet().Add(new TextPrompt("same"));

        // Act / Assert
        Assert.Throws<ArgumentException>(() => set.Add(new TextPrompt("same")));
    }
}
