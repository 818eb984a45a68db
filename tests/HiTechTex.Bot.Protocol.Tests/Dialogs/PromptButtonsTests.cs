using System.Text.Json;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// A button of an earlier question (Teams keeps every card clickable) answers no other question: each asking of a
/// yes/no or choice question gives its buttons its own id, and a click carrying another id is told so, changes
/// nothing and uses no try. Before, every "Yes" button sent <c>{"choice":"Yes"}</c>, so the "Yes" of "shall I call you
/// Ana?" clicked later answered "delete my data?".
/// </summary>
public sealed class PromptButtonsTests
{
    private static readonly string EarlierQuestion = EnglishDialogMessages.Instance.EarlierQuestionButton(null);

    /// <summary>Two yes/no questions one after the other ("Call you Ana?", then "Delete everything?"), then the second's result.</summary>
    private static Testing.Dialogs.TestFlow TwoQuestions(Func<string, Dialog> createPrompt, PromptOptions first, PromptOptions second)
    {
        Dialog CreateRoot()
        {
            var root = new ComponentDialog("root");
            root.AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("first", first, ct),
                (step, ct) => step.PromptAsync("second", second, ct),
                async (step, ct) =>
                {
                    var text = step.Result is PromptAttemptsExceeded exceeded
                        ? $"Gave up after {exceeded.Attempts}"
                        : $"Result: {(step.Result is FoundChoice found ? found.Value : step.Result)}";
                    await step.Context.SendActivityAsync(Activity.CreateMessage(text), ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            root.AddDialog(createPrompt("first"));
            root.AddDialog(createPrompt("second"));
            return root;
        }

        return DialogTestHost.Flow(new MemoryStorage(), CreateRoot);
    }

    private static JsonElement ButtonData(Activity reply, int index) =>
        reply.Attachments![0].Content!.Value.GetProperty("actions")[index].GetProperty("data").Clone();

    private static Activity Click(JsonElement data) => new() { Type = ActivityTypes.Message, Value = data };

    [Fact]
    public async Task ConfirmPrompt_TheYesOfAnEarlierQuestion_DoesNotAnswerTheOneWaiting()
    {
        JsonElement oldYes = default, currentYes = default;
        await TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?"))
            .Send("hi").AssertReply(reply => oldYes = ButtonData(reply, 0))
            .Send("no").AssertReply(reply => currentYes = ButtonData(reply, 0))
            .Send(() => Click(oldYes)).AssertReply(EarlierQuestion)
            .AssertReply(reply =>
            {
                // The waiting question again, with its own buttons.
                Assert.Equal("Delete everything?", reply.Text);
                Assert.Equal(currentYes.GetProperty(PromptButtons.PromptKey).GetString(), ButtonData(reply, 0).GetProperty(PromptButtons.PromptKey).GetString());
            })
            .Send("no").AssertReply("Result: False")
            .StartTestAsync();
        Assert.NotEqual(oldYes.GetProperty(PromptButtons.PromptKey).GetString(), currentYes.GetProperty(PromptButtons.PromptKey).GetString());
        Assert.Equal("Yes", oldYes.GetProperty("choice").GetString());
    }

    [Fact]
    public async Task ConfirmPrompt_ItsOwnButton_AnswersIt()
    {
        JsonElement yes = default;
        await TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?"))
            .Send("hi").AssertReply("Call you Ana?")
            .Send("yes").AssertReply(reply => yes = ButtonData(reply, 0))
            .Send(() => Click(yes)).AssertReply("Result: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_TheFirstCardsButtonAfterARetry_StillAnswers()
    {
        // A retry asks the same question: its first card's buttons are still this question's.
        JsonElement yes = default;
        await TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?", "Yes or no?"))
            .Send("hi").AssertReply("Call you Ana?")
            .Send("yes").AssertReply(reply => yes = ButtonData(reply, 0))
            .Send("maybe").AssertReply("Yes or no?")
            .Send(() => Click(yes)).AssertReply("Result: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task EarlierQuestionsButtons_UseNoTry()
    {
        JsonElement oldYes = default;
        await TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), new PromptOptions { Prompt = Activity.CreateMessage("Delete everything?"), MaxAttempts = 2 })
            .Send("hi").AssertReply(reply => oldYes = ButtonData(reply, 0))
            .Send("no").AssertReply("Delete everything?")
            .Send(() => Click(oldYes)).AssertReply(EarlierQuestion).AssertReply("Delete everything?")
            .Send(() => Click(oldYes)).AssertReply(EarlierQuestion).AssertReply("Delete everything?")
            .Send(() => Click(oldYes)).AssertReply(EarlierQuestion).AssertReply("Delete everything?")
            .Send("no").AssertReply("Result: False")
            .StartTestAsync();
    }

    [Fact]
    public async Task ButtonWithoutAPromptId_IsAnAnswerAsBefore()
    {
        // A card sent before buttons carried an id (or made by hand): read as it always was.
        var legacy = JsonSerializer.SerializeToElement(new { choice = "Yes" });
        await TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?"))
            .Send("hi").AssertReply("Call you Ana?")
            .Send("no").AssertReply("Delete everything?")
            .Send(() => Click(legacy)).AssertReply("Result: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChoicePrompt_TheChoiceOfAnEarlierQuestion_DoesNotAnswerTheOneWaiting()
    {
        var first = new PromptOptions { Prompt = Activity.CreateMessage("Which host?"), Choices = [new Choice("Recycling"), new Choice("Fashion")] };
        var second = new PromptOptions { Prompt = Activity.CreateMessage("Which sector?"), Choices = [new Choice("Recycling"), new Choice("Fashion")] };
        JsonElement oldRecycling = default, fashion = default;
        await TwoQuestions(id => new ChoicePrompt(id), first, second)
            .Send("hi").AssertReply(reply => oldRecycling = ButtonData(reply, 0))
            .Send("Fashion").AssertReply(reply => fashion = ButtonData(reply, 1))
            .Send(() => Click(oldRecycling)).AssertReply(EarlierQuestion).AssertReply("Which sector?")
            .Send(() => Click(fashion)).AssertReply("Result: Fashion")
            .StartTestAsync();
    }

    /// <summary>A text question whose own card has a Keep button (as an edited answer shows it), kept by that button.</summary>
    private static PromptOptions QuestionWithKeep(string text)
    {
        var card = JsonSerializer.SerializeToElement(new
        {
            type = "AdaptiveCard",
            version = "1.5",
            body = Array.Empty<object>(),
            actions = new[] { new { type = "Action.Submit", title = "Keep", data = new { choice = "Keep", keep = "Objectives" } } },
        });
        var prompt = Activity.CreateMessage(text);
        prompt.Attachments = [Attachment.AdaptiveCard(card)];
        return new PromptOptions { Prompt = prompt };
    }

    private static TextPrompt KeepOrText(string id) => new(id, (prompt, _) => Task.FromResult(
        prompt.Recognized.Succeeded || PromptActivities.GetAnswerText(prompt.Context.Activity) == "Keep"));

    [Fact]
    public async Task TextPrompt_TheKeepOfAnEarlierQuestionsCard_DoesNotAnswerTheOneWaiting()
    {
        // Before: the Keep on a question's own card carried no id, so the Keep of an earlier question answered any other.
        JsonElement oldKeep = default, currentKeep = default;
        await TwoQuestions(KeepOrText, QuestionWithKeep("Objectives?"), QuestionWithKeep("Agenda?"))
            .Send("hi").AssertReply(reply => oldKeep = ButtonData(reply, 0))
            .Send("Meet partners.").AssertReply(reply => currentKeep = ButtonData(reply, 0))
            .Send(() => Click(oldKeep)).AssertReply(EarlierQuestion)
            .AssertReply(reply =>
            {
                Assert.Equal("Agenda?", reply.Text);
                Assert.Equal(currentKeep.GetProperty(PromptButtons.PromptKey).GetString(), ButtonData(reply, 0).GetProperty(PromptButtons.PromptKey).GetString());
            })
            .Send(() => Click(currentKeep)).AssertReply("Result: ")
            .StartTestAsync();

        Assert.NotEqual(oldKeep.GetProperty(PromptButtons.PromptKey).GetString(), currentKeep.GetProperty(PromptButtons.PromptKey).GetString());
        Assert.Equal(("Keep", "Objectives"), (currentKeep.GetProperty("choice").GetString(), currentKeep.GetProperty("keep").GetString()));
    }

    [Fact]
    public async Task SharedOptions_EachAskingStampsItsOwnId_TheOptionsGivenUnchanged()
    {
        // The same options object asked twice (a static question): each asking's card names it; the object is not altered.
        var shared = QuestionWithKeep("Objectives?");
        JsonElement first = default, second = default;
        await TwoQuestions(KeepOrText, shared, shared)
            .Send("hi").AssertReply(reply => first = ButtonData(reply, 0))
            .Send(() => Click(first)).AssertReply(reply => second = ButtonData(reply, 0))
            .Send(() => Click(first)).AssertReply(EarlierQuestion).AssertReply("Objectives?")
            .Send(() => Click(second)).AssertReply("Result: ")
            .StartTestAsync();

        Assert.False(shared.Prompt!.Attachments![0].Content!.Value.GetProperty("actions")[0].GetProperty("data").TryGetProperty(PromptButtons.PromptKey, out _));
    }

    [Theory]
    [InlineData("\"0123456789abcdef\"")]
    [InlineData("\"\"")]
    [InlineData("12")]
    [InlineData("null")]
    [InlineData("{\"id\":\"x\"}")]
    public async Task AButtonWithAnAlteredId_IsRefusedLikeAnEarlierQuestions(string alteredId)
    {
        JsonElement yes = default;
        await TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?"))
            .Send("hi").AssertReply("Call you Ana?")
            .Send("no").AssertReply(reply => yes = ButtonData(reply, 0))
            .Send(() => Click(JsonDocument.Parse($"{{\"choice\":\"Yes\",\"prompt\":{alteredId}}}").RootElement.Clone()))
            .AssertReply(EarlierQuestion).AssertReply("Delete everything?")
            .Send(() => Click(yes)).AssertReply("Result: True")
            .StartTestAsync();
    }

    [Fact]
    public void PromptIdOf_ReadsOnlyAStringId()
    {
        Assert.Equal("abc", PromptButtons.PromptIdOf(Click(JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = "abc" }))));
        Assert.Null(PromptButtons.PromptIdOf(Click(JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = 12 }))));
        Assert.Null(PromptButtons.PromptIdOf(Click(JsonSerializer.SerializeToElement(new { choice = "Yes" }))));
        Assert.Null(PromptButtons.PromptIdOf(new Activity { Type = ActivityTypes.Message, Text = "yes" }));
    }

    /// <summary>
    /// Whether a click is a button of the waiting prompt's asking (by its id, also once the state was stored as JSON):
    /// never typed text, a button without an id, another asking's, or a dialog without one.
    /// </summary>
    [Fact]
    public void IsOwnButton_OnlyTheWaitingAskingsId()
    {
        var waiting = new DialogInstance { Id = "second", State = { ["promptId"] = "abc" } };
        var stored = new DialogInstance { Id = "second", State = { ["promptId"] = JsonSerializer.SerializeToElement("abc") } };
        var own = Click(JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = "abc" }));

        Assert.True(PromptButtons.IsOwnButton(own, waiting));
        Assert.True(PromptButtons.IsOwnButton(own, stored));
        Assert.False(PromptButtons.IsOwnButton(Click(JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = "abd" })), waiting));
        Assert.False(PromptButtons.IsOwnButton(Click(JsonSerializer.SerializeToElement(new { choice = "Yes" })), waiting));
        Assert.False(PromptButtons.IsOwnButton(new Activity { Type = ActivityTypes.Message, Text = "abc" }, waiting));
        Assert.False(PromptButtons.IsOwnButton(own, new DialogInstance { Id = "steps" }));
    }

    /// <summary>The same button sent by the client as an Action.Execute (an <c>adaptiveCard/action</c> invoke).</summary>
    private static Activity Execute(Testing.Dialogs.TestFlow flow, JsonElement data) => flow.Adapter.MakeExecute("go", data);

    [Fact]
    public async Task ConfirmPrompt_ItsOwnButtonAsAnActionExecute_AnswersItAsTheActionSubmitDoes()
    {
        // Before: a prompt read messages only, and the Execute click was ignored — nothing happened.
        JsonElement yes = default;
        var flow = TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?"));
        await flow
            .Send("hi").AssertReply("Call you Ana?")
            .Send("yes").AssertReply(reply => yes = ButtonData(reply, 0))
            .Send(() => Execute(flow, yes)).AssertReply("Result: True")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConfirmPrompt_TheYesOfAnEarlierQuestionAsAnActionExecute_DoesNotAnswerTheOneWaiting()
    {
        JsonElement oldYes = default;
        var flow = TwoQuestions(id => new ConfirmPrompt(id), PromptOptions.Text("Call you Ana?"), PromptOptions.Text("Delete everything?"));
        await flow
            .Send("hi").AssertReply(reply => oldYes = ButtonData(reply, 0))
            .Send("no").AssertReply("Delete everything?")
            .Send(() => Execute(flow, oldYes)).AssertReply(EarlierQuestion)
            .AssertReply("Delete everything?")
            .AssertInvokeResponse(response => Assert.Equal(NotTaken, CardMessage(response)))
            .Send("no").AssertReply("Result: False")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("execute")]
    public async Task TextPrompt_AButtonThatIsNoAnswer_ATryUsedWhetherSubmitOrExecute(string way)
    {
        var data = JsonSerializer.SerializeToElement(new { action = "menu" });
        var flow = PromptHost.Flow(() => new TextPrompt("name"), PromptOptions.Text("Your name?", "Please type your name."));
        await flow
            .Send("hi").AssertReply("Your name?")
            .Send(() => way == "submit" ? Click(data) : Execute(flow, data)).AssertReply("Please type your name.")
            .AssertInvokeResponse(response => AssertNotTakenOnTheCard(response, way))
            .Send(() => way == "submit" ? Click(data) : Execute(flow, data)).AssertReply("Please type your name.")
            .Send(() => way == "submit" ? Click(data) : Execute(flow, data)).AssertReplyContains("couldn't understand").AssertReply("Gave up after 3")
            .AssertInvokeResponse(response => AssertNotTakenOnTheCard(response, way))
            .StartTestAsync();
    }

    private static readonly string NotTaken = EnglishDialogMessages.Instance.ClickNotTaken(null);

    /// <summary>
    /// An Action.Execute click the question did not take: its card says so — it said "Thanks, got it." (the bot's
    /// default for a click). An Action.Submit has no invoke response.
    /// </summary>
    private static void AssertNotTakenOnTheCard(InvokeResponse? response, string way)
    {
        if (way == "submit")
        {
            Assert.Null(response);
            return;
        }

        Assert.Equal(200, response?.Status);
        Assert.Equal(NotTaken, CardMessage(response));
    }

    private static string? CardMessage(InvokeResponse? response) =>
        Assert.IsType<AdaptiveCardInvokeResponse>(response?.Body).Value?.GetString();

    [Fact]
    public void PromptIdOf_AnActionExecute_ReadsItsData()
    {
        var flow = new Testing.Dialogs.TestFlow((_, _) => Task.CompletedTask);
        Assert.Equal("0123456789abcdef", PromptButtons.PromptIdOf(Execute(flow, JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = "0123456789abcdef" }))));
        Assert.True(PromptButtons.NamesAnotherQuestion(Execute(flow, JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = "0123456789abcdef" })), "fedcba9876543210"));
        Assert.Null(PromptButtons.PromptIdOf(new Activity { Type = ActivityTypes.Invoke, Name = "composeExtension/query", Value = JsonSerializer.SerializeToElement(new { prompt = "0123456789abcdef" }) }));
    }
}
