using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Tests.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class DialogContextChildTests
{
    /// <summary>A root that, before continuing, says which dialogs wait from its inner stack down (via Child).</summary>
    private sealed class WhereAmIRoot : ComponentDialog
    {
        public WhereAmIRoot()
            : base("root")
        {
            var journey = new ComponentDialog("journey");
            journey.AddDialog(new WaterfallDialog("journey.steps",
            [
                (step, ct) => step.PromptAsync("journey.name", PromptOptions.Text("Name?"), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(step.Context.Activity.CreateReply($"Hello {step.Result}"), ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            journey.AddDialog(new TextPrompt("journey.name"));
            AddDialog(new WaterfallDialog("root.steps",
            [
                (step, ct) => step.BeginDialogAsync("journey", null, ct),
                (step, ct) => step.EndDialogAsync(null, ct),
            ]));
            AddDialog(journey);
        }

        protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        {
            var path = new List<string>();
            for (var dc = innerDc; dc is not null; dc = dc.Child)
            {
                path.Add(dc.ActiveDialog!.Id);
            }

            await innerDc.Context.SendActivityAsync(innerDc.Context.Activity.CreateReply(string.Join(" > ", path)), cancellationToken);
            return await base.OnContinueDialogAsync(innerDc, cancellationToken);
        }
    }

    [Fact]
    public async Task Child_FollowedDown_ReachesThePromptInsideTheNestedComponent()
    {
        // Act / Assert: the root's inner stack is [journey, root.steps]; the journey's is [journey.name, journey.steps].
        await DialogTestHost.Flow(new MemoryStorage(), () => new WhereAmIRoot())
            .Send("hi").AssertReply("Name?")
            .Send("Ana").AssertReply("journey > journey.name").AssertReply("Hello Ana")
            .StartTestAsync();
    }

    [Fact]
    public void Child_OfAnEmptyStackOrAPrompt_IsNull()
    {
        // Arrange
        var set = new DialogSet().Add(new TextPrompt("p"));
        var context = new HiTechTex.Bot.Protocol.Turns.TurnContext(TestActivities.Message(), new RecordingConnectorClient());
        var empty = new DialogContext(set, context, new DialogState());
        var prompting = new DialogContext(set, context, new DialogState([new DialogInstance { Id = "p" }]));

        // Act / Assert
        Assert.Null(empty.Child);
        Assert.Null(prompting.Child);
    }

    [Fact]
    public void CreateChildContext_WhenTheActiveDialogIsAnotherOne_Throws()
    {
        // Arrange
        var component = new ComponentDialog("c");
        component.AddDialog(new TextPrompt("inner"));
        var set = new DialogSet().Add(component).Add(new TextPrompt("p"));
        var context = new HiTechTex.Bot.Protocol.Turns.TurnContext(TestActivities.Message(), new RecordingConnectorClient());
        var dc = new DialogContext(set, context, new DialogState([new DialogInstance { Id = "p" }]));

        // Act / Assert
        Assert.Throws<InvalidOperationException>(() => component.CreateChildContext(dc));
    }
}
