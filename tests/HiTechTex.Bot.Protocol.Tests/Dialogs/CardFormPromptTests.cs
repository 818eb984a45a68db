using System.Text.Json;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;

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
            .AssertReply("This form is no longer active.")
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
            .AssertReply("This form is no longer active.")
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
}
