using System.Text.Json;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class CardFormPromptTests
{
    private const string Card = """
        {
          "type": "AdaptiveCard", "version": "1.5",
          "body": [
            { "type": "Input.Text", "id": "company", "label": "Company", "isRequired": true },
            { "type": "Input.Date", "id": "start", "label": "Start" },
            { "type": "Input.Number", "id": "people", "isRequired": true }
          ],
          "actions": [
            { "type": "Action.Execute", "verb": "save", "title": "Save", "data": { "kind": "exchange" },
              "fallback": { "type": "Action.Submit", "title": "Save" } }
          ]
        }
        """;

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("fedcba9876543210fedcba9876543210", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Awaits_OnlyItsOwnFormsId(string? formId, bool expected)
    {
        var waiting = new DialogInstance { Id = "form" };
        waiting.State[CardFormPrompt.FormIdKey] = "0123456789abcdef0123456789abcdef";

        Assert.Equal(expected, CardFormPrompt.Awaits(waiting, formId));
    }

    private const string Expired = "This form is no longer active: please use the newest one, further down in this chat.";

    private static PromptOptions Options(int? maxAttempts = null) => new()
    {
        Prompt = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Please describe the exchange.",
            Attachments = [Attachment.AdaptiveCard(JsonDocument.Parse(Card).RootElement.Clone())],
        },
        MaxAttempts = maxAttempts,
    };

    private static string Format(object? result) =>
        JsonSerializer.Serialize(((JsonElement)result!).EnumerateObject().OrderBy(p => p.Name).ToDictionary(p => p.Name, p => p.Value.ToString()));

    private static Task<bool> NoWeekendStart(PromptValidatorContext<JsonElement> prompt, CancellationToken ct)
    {
        if (!prompt.Recognized.Succeeded)
        {
            return Task.FromResult(false);
        }

        if (prompt.Recognized.Value.TryGetProperty("start", out var start) && DateOnly.Parse(start.GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            prompt.Reason = "The start date must be a weekday.";
            return Task.FromResult(false);
        }

        return Task.FromResult(true);
    }

    private sealed class FormFixture
    {
        public string? FormId { get; set; }

        public JsonElement Data(string json)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            node[CardFormPrompt.FormIdKey] = FormId;
            return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
        }

        public void Capture(Activity reply)
        {
            var card = Assert.Single(reply.Attachments!).Content!.Value;
            var execute = card.GetProperty("actions")[0];
            FormId = execute.GetProperty("data").GetProperty(CardFormPrompt.FormIdKey).GetString();
            Assert.Equal("exchange", execute.GetProperty("data").GetProperty("kind").GetString());

            // The Action.Submit fallback gets the id too, so older clients answer the same form.
            Assert.Equal(FormId, execute.GetProperty("fallback").GetProperty("data").GetProperty(CardFormPrompt.FormIdKey).GetString());
        }
    }

    [Fact]
    public async Task ContinueDialogAsync_ActionSubmitComplete_EndsWithDataWithoutFormId()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form", NoWeekendStart), Options(), Format);

        await flow
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal("Please describe the exchange.", reply.Text);
                form.Capture(reply);
            })
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "kind": "exchange", "company": "Tecidos SA", "people": "4", "start": "2026-12-02" }""")))
            .AssertReply("""Result: {"company":"Tecidos SA","kind":"exchange","people":"4","start":"2026-12-02"}""")
            .StartTestAsync();
        Assert.Matches("^[0-9a-f]{32}$", form.FormId);
    }

    [Fact]
    public async Task ContinueDialogAsync_ActionSubmitMissingRequired_RepromptsNamingTheirLabels()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "company": " ", "start": "2026-12-02" }""")))
            .AssertReply("Please fill in the required fields: Company, people.")
            .AssertNoReply()
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "company": "Fios Lda", "people": "2" }""")))
            .AssertReplyContains("Fios Lda")
            .StartTestAsync();
    }

    // A required field of only zero-width characters shows nothing, as one of only spaces: it is missing, named at
    // once, rather than passed on as filled (VisibleText.ShowsNothing, the rule of every prompt).
    [Theory]
    [InlineData("""\u200b""")]
    [InlineData("""\u2060 \ufeff""")]
    [InlineData("""\u200d\u200b""")]
    public async Task ContinueDialogAsync_RequiredFieldOfOnlyZeroWidthCharacters_IsMissing(string invisible)
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeSubmit(form.Data($$"""{ "company": "{{invisible}}", "people": "3" }""")))
            .AssertReply("Please fill in the required fields: Company.")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("""\ud800x""")]
    [InlineData("""nul\u0000bell\u0007 esc\u001b[31m""")]
    public async Task ContinueDialogAsync_InputWithTextThatCannotBeAccepted_RefusedNamingItsLabelAndKeepsWaiting(string escaped)
    {
        // "\ud800" is valid JSON but no text (reading it as a string throws): the turn failed. Control characters
        // were handed on as typed. Both are refused, naming the input by its label (by its id without one).
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeSubmit(JsonDocument.Parse(
                $$"""{ "formId": "{{form.FormId}}", "company": "{{escaped}}", "people": "2", "start": "{{escaped}}" }""").RootElement.Clone()))
            .AssertReply("Some characters in these fields cannot be accepted; please retype them: Company, Start.")
            .AssertNoReply()
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "company": "Fios Lda", "people": "2" }""")))
            .AssertReplyContains("Fios Lda")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_PropertyNameOrFormIdWithLoneSurrogate_NotAnAnswerAndNoFailure()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeSubmit(JsonDocument.Parse(
                $$"""{ "formId": "{{form.FormId}}", "\ud800": "x", "company": "Fios Lda", "people": "2" }""").RootElement.Clone()))
            .AssertReply("Please fill in the form above and submit it, or type \"cancel\".")
            .Send(() => flow.Adapter.MakeSubmit(JsonDocument.Parse(
                """{ "formId": "\ud800", "company": "Fios Lda", "people": "2" }""").RootElement.Clone()))
            .AssertReply(Expired)
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_AnEarlierQuestionsButton_IsAnExpiredFormButtonAndTheFormIsNotSentAgain()
    {
        // A form's card carries its own form id: a question's button (with its prompt id) is answered as before, not
        // with "that button belongs to an earlier question" and a copy of the form.
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeSubmit(JsonSerializer.SerializeToElement(new { choice = "Yes", prompt = "0123456789abcdef" })))
            .AssertReply(Expired)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_ActionWithoutInputs_NotCheckedForRequiredAndForgedInputsDropped()
    {
        var card = System.Text.Json.Nodes.JsonNode.Parse(Card)!;
        card["actions"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{ "type": "Action.Submit", "title": "Cancel", "associatedInputs": "none", "data": { "op": "cancel" } }"""));
        var options = Options();
        options.Prompt!.Attachments = [Attachment.AdaptiveCard(JsonDocument.Parse(card.ToJsonString()).RootElement.Clone())];
        JsonElement? cancelData = null;
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), options, Format);

        await flow
            .Send("hi").AssertReply(reply => cancelData = Assert.Single(reply.Attachments!).Content!.Value.GetProperty("actions")[1].GetProperty("data").Clone())
            .Send(() =>
            {
                // What the client sends for it, plus a forged input that must not come through unchecked.
                var data = System.Text.Json.Nodes.JsonObject.Create(cancelData!.Value)!;
                data["company"] = "forged";
                return flow.Adapter.MakeSubmit(JsonDocument.Parse(data.ToJsonString()).RootElement.Clone());
            })
            .AssertReply("""Result: {"op":"cancel"}""")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_ValidatorRefuses_SendsValidatorReason()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form", NoWeekendStart), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "company": "Fios", "people": "2", "start": "2026-12-05" }""")))
            .AssertReply("The start date must be a weekday.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_OtherFormOrTypedText_IsNotAnAnswer()
    {
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);
        var stale = new FormFixture { FormId = "0123456789abcdef0123456789abcdef" };

        await flow
            .Send("hi").AssertReply(_ => { })
            .Send(() => flow.Adapter.MakeSubmit(stale.Data("""{ "company": "X", "people": "1" }""")))
            .AssertReply(Expired)
            .Send("what do I do?").AssertReplyContains("Please fill in the form above")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_ActionExecuteComplete_SetsInvokeResponseAndEnds()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeExecute("save", form.Data("""{ "kind": "exchange", "company": "Tecidos SA", "people": 3 }""")))
            .AssertInvokeResponse(response =>
            {
                Assert.NotNull(response);
                Assert.Equal(200, response.Status);
                var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
                Assert.Equal(200, body.StatusCode);
                Assert.Equal(AdaptiveCardInvokeResponse.MessageType, body.Type);
                Assert.Equal("Thanks, got it.", body.Value!.Value.GetString());
            })
            .AssertReply("""Result: {"company":"Tecidos SA","kind":"exchange","people":"3"}""")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_ActionExecuteMissingRequired_AnswersInInvokeResponseWithoutMessage()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeExecute("save", form.Data("""{ "company": "Tecidos SA" }""")))
            .AssertInvokeResponse(response =>
            {
                var body = Assert.IsType<AdaptiveCardInvokeResponse>(response!.Body);
                Assert.Equal(200, response.Status);
                Assert.Equal("Please fill in the required fields: people.", body.Value!.Value.GetString());
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_OtherInvoke_KeepsWaiting()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(new Activity { Type = ActivityTypes.Invoke, Name = "task/fetch" })
            .AssertInvokeResponse(Assert.Null)
            .AssertNoReply()
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "company": "A", "people": "1" }""")))
            .AssertReplyContains("Result:")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_NotSet_TheFormWaitsBeyondTheQuestionsMaximum()
    {
        // A form has no default maximum: its card keeps what was typed, so answering again loses nothing.
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(), Format);
        var typed = flow.Send("hi").AssertReply(form.Capture);
        for (var i = 0; i <= CardFormPrompt.StandardMaxAttempts; i++)
        {
            typed = typed.Send("thanks").AssertReplyContains("fill in");
        }

        await typed
            .Send(() => flow.Adapter.MakeSubmit(form.Data("""{ "company": "A", "people": "1" }""")))
            .AssertReplyContains("Result:")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_ExceededByExecute_EndsAndAnswersInvoke()
    {
        var form = new FormFixture();
        var flow = PromptHost.Flow(() => new CardFormPrompt("form"), Options(maxAttempts: 1), Format);

        await flow
            .Send("hi").AssertReply(form.Capture)
            .Send(() => flow.Adapter.MakeExecute("save", form.Data("{}")))
            .AssertInvokeResponse(response =>
                Assert.Contains("stopped asking", ((AdaptiveCardInvokeResponse)response!.Body!).Value!.Value.GetString(), StringComparison.Ordinal))
            .AssertReplyContains("stopped asking")
            .AssertReply("Gave up after 1")
            .StartTestAsync();
    }

    [Fact]
    public async Task RepromptDialogAsync_AfterHelp_ResendsCardWithSameFormId()
    {
        var first = new FormFixture();
        var second = new FormFixture();
        var storage = new State.MemoryStorage();
        Dialog CreateRoot()
        {
            var root = new InterruptibleComponentDialog("root");
            root.AddDialog(new WaterfallDialog("steps", [(step, ct) => step.PromptAsync("form", Options(), ct)]));
            root.AddDialog(new CardFormPrompt("form"));
            return root;
        }

        await DialogTestHost.Flow(storage, CreateRoot)
            .Send("hi").AssertReply(first.Capture)
            .Send("help").AssertReplyContains("cancel").AssertReply(second.Capture)
            .StartTestAsync();
        Assert.Equal(first.FormId, second.FormId);
    }

    /// <summary>
    /// A form that comes back after "Check" (op = check): the waterfall replaces itself and prompts again with a new card
    /// (a new form id), as the exchange form does; anything else ends with "Result: …".
    /// </summary>
    private static TestFlow CheckingFlow(State.MemoryStorage? storage = null) =>
        DialogTestHost.Flow(storage ?? new State.MemoryStorage(), () =>
        {
            var root = new ComponentDialog("root");
            root.AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("form", Options(), ct),
                async (step, ct) =>
                {
                    var data = (JsonElement)step.Result!;
                    if (data.TryGetProperty("op", out var op) && op.GetString() == "check")
                    {
                        await step.Context.SendActivityAsync("Checked", ct);
                        return await step.ReplaceDialogAsync("steps", null, ct);
                    }

                    await step.Context.SendActivityAsync($"Result: {Format(data)}", ct);
                    return await step.EndDialogAsync(data, ct);
                },
            ]));
            root.AddDialog(new CardFormPrompt("form"));
            return root;
        });

    [Fact]
    public async Task ContinueDialogAsync_SubmitFromTheCardBeforeACheck_AcceptedAsTheAnswerOfTheNewForm()
    {
        // Teams keeps the first card, filled in; the form sent back after Check is a new card with a new form id. A
        // Save on the first card answered "This form is no longer active."
        var first = new FormFixture();
        var second = new FormFixture();
        var flow = CheckingFlow();

        await flow
            .Send("hi").AssertReply(first.Capture)
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "op": "check", "company": "Fios", "people": "2" }""")))
            .AssertReply("Checked").AssertReply(second.Capture)
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "op": "save", "company": "Fios Lda", "people": "3" }""")))
            .AssertReply("""Result: {"company":"Fios Lda","op":"save","people":"3"}""")
            .StartTestAsync();
        Assert.NotEqual(first.FormId, second.FormId);
    }

    [Fact]
    public async Task ContinueDialogAsync_KeepsWorkingInTheFirstCardThroughSeveralChecks_EachAccepted()
    {
        var first = new FormFixture();
        var flow = CheckingFlow();

        await flow
            .Send("hi").AssertReply(first.Capture)
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "op": "check", "company": "A", "people": "1" }""")))
            .AssertReply("Checked").AssertReply(_ => { })
            .Send(() => flow.Adapter.MakeExecute("save", first.Data("""{ "op": "check", "company": "A", "people": "2" }""")))
            .AssertInvokeResponse(response => Assert.Equal("Thanks, got it.", ((AdaptiveCardInvokeResponse)response!.Body!).Value!.Value.GetString()))
            .AssertReply("Checked").AssertReply(_ => { })
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "op": "save", "company": "A", "people": "3" }""")))
            .AssertReply("""Result: {"company":"A","op":"save","people":"3"}""")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_CardTwoChecksBackNotTheOneInUse_RefusedPointingToTheNewest()
    {
        // The newest card was used for the second Check: the first one is neither the newest nor the one in use.
        var first = new FormFixture();
        var second = new FormFixture();
        var third = new FormFixture();
        var flow = CheckingFlow();

        await flow
            .Send("hi").AssertReply(first.Capture)
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "op": "check", "company": "A", "people": "1" }""")))
            .AssertReply("Checked").AssertReply(second.Capture)
            .Send(() => flow.Adapter.MakeSubmit(second.Data("""{ "op": "check", "company": "B", "people": "1" }""")))
            .AssertReply("Checked").AssertReply(third.Capture)
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "op": "save", "company": "A", "people": "1" }""")))
            .AssertReply(Expired)
            .AssertNoReply()
            .Send(() => flow.Adapter.MakeSubmit(second.Data("""{ "op": "save", "company": "B", "people": "2" }""")))
            .AssertReplyContains("Result:")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_FormOfAFinishedDialogWhileANewOneWaits_RefusedPointingToTheNewest()
    {
        var finished = new FormFixture();
        var flow = CheckingFlow();

        await flow
            .Send("hi").AssertReply(finished.Capture)
            .Send(() => flow.Adapter.MakeSubmit(finished.Data("""{ "op": "save", "company": "A", "people": "1" }""")))
            .AssertReplyContains("Result:")
            .Send("hi again").AssertReply(_ => { })
            .Send(() => flow.Adapter.MakeSubmit(finished.Data("""{ "op": "save", "company": "A", "people": "1" }""")))
            .AssertReply(Expired)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_NextStepsFormWithTheSamePromptId_DoesNotAcceptThePreviousStepsCard()
    {
        // Two questions in a row with the same prompt: the first question's card is no answer to the second.
        var first = new FormFixture();
        var flow = DialogTestHost.Flow(new State.MemoryStorage(), () =>
        {
            var root = new ComponentDialog("root");
            root.AddDialog(new WaterfallDialog("steps",
            [
                (step, ct) => step.PromptAsync("form", Options(), ct),
                (step, ct) => step.PromptAsync("form", Options(), ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Result: {Format(step.Result)}", ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]));
            root.AddDialog(new CardFormPrompt("form"));
            return root;
        });

        await flow
            .Send("hi").AssertReply(first.Capture)
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "company": "A", "people": "1" }""")))
            .AssertReply(_ => { })
            .Send(() => flow.Adapter.MakeSubmit(first.Data("""{ "company": "A", "people": "1" }""")))
            .AssertReply(Expired)
            .StartTestAsync();
    }
}
