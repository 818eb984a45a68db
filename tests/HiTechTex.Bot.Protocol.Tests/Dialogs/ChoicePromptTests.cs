using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class ChoicePromptTests
{
    private static readonly List<Choice> Sectors =
    [
        new("Technical textiles", "technical", "tech"),
        new("Fashion", "apparel", "clothing"),
        new("Smart textiles", "wearables"),
        new("Recycling"),
    ];

    private static PromptOptions Options(ChoiceListStyle style = ChoiceListStyle.AdaptiveCard) => new()
    {
        Prompt = Activity.CreateMessage("Which sector?"),
        RetryPrompt = Activity.CreateMessage("Please pick a sector."),
        Choices = Sectors,
        Style = style,
    };

    [Theory]
    [InlineData("Fashion", "Fashion")]
    [InlineData("FASHION", "Fashion")]
    [InlineData("apparel", "Fashion")]
    [InlineData("2", "Fashion")]
    [InlineData("I work in recycling mostly", "Recycling")]
    [InlineData("recyclng", "Recycling")]
    [InlineData("wearables", "Smart textiles")]
    [InlineData("smart", "Smart textiles")]
    [InlineData("Technical textiles", "Technical textiles")]
    public async Task ContinueDialogAsync_Answer_MatchesChoice(string answer, string expected)
    {
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options(), r => ((FoundChoice)r!).Value)
            .Send("hi").AssertReply("Which sector?")
            .Send(answer).AssertReply($"Result: {expected}")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("textiles")] // both "Technical textiles" and "Smart textiles"
    [InlineData("banana")]
    [InlineData("7")]
    public async Task ContinueDialogAsync_AmbiguousOrUnknown_Retries(string answer)
    {
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options())
            .Send("hi").AssertReply("Which sector?")
            .Send(answer).AssertReply("Please pick a sector.")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("not fashion")]
    [InlineData("não fashion")]
    [InlineData("non recycling")]
    [InlineData("recycling değil")]
    [InlineData("not recyclng")]
    public async Task ContinueDialogAsync_ChoiceNamedToBeRefused_Retries(string answer)
    {
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options())
            .Send("hi").AssertReply("Which sector?")
            .Send(answer).AssertReply("Please pick a sector.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_OneChoiceRefusedAnotherNamed_TheNamedOne()
    {
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options(), r => ((FoundChoice)r!).Value)
            .Send("hi").AssertReply("Which sector?")
            .Send("recycling, not fashion").AssertReply("Result: Recycling")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("it", "Italiano")]
    [InlineData("IT", "Italiano")]
    [InlineData("is it in english", null)]
    [InlineData("I think it is fine", null)]
    public async Task ContinueDialogAsync_TwoLetterCode_CountsOnlyAsTheWholeAnswer(string answer, string? expected)
    {
        var options = new PromptOptions
        {
            Prompt = Activity.CreateMessage("Which language?"),
            RetryPrompt = Activity.CreateMessage("Please pick a language."),
            Choices = [new("Italiano", "it", "Italian"), new("Čeština", "cs", "Czech")],
        };

        await PromptHost.Flow(() => new ChoicePrompt("c"), options, r => ((FoundChoice)r!).Value)
            .Send("hi").AssertReply("Which language?")
            .Send(answer).AssertReply(expected is null ? "Please pick a language." : $"Result: {expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnPromptAsync_AdaptiveCardStyle_RendersSubmitButtonsCarryingTheChoice()
    {
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options())
            .Send("hi").AssertReply(reply =>
            {
                var attachment = Assert.Single(reply.Attachments!);
                Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
                var actions = attachment.Content!.Value.GetProperty("actions");
                Assert.Equal(4, actions.GetArrayLength());
                Assert.Equal("Action.Submit", actions[1].GetProperty("type").GetString());
                Assert.Equal("Fashion", actions[1].GetProperty("title").GetString());
                var data = actions[1].GetProperty("data");
                Assert.Equal("Fashion", data.GetProperty("choice").GetString());
                Assert.False(data.TryGetProperty("msteams", out _), "msteams actions are ignored by the Agents Playground");
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task OnPromptAsync_NoneStyle_SendsTextOnly()
    {
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options(ChoiceListStyle.None))
            .Send("hi").AssertReply(reply => Assert.Null(reply.Attachments))
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_ChoiceInSubmitValue_Matches()
    {
        var submit = System.Text.Json.JsonSerializer.SerializeToElement(new { choice = "Recycling" });
        await PromptHost.Flow(() => new ChoicePrompt("c"), Options(), r => ((FoundChoice)r!).Value)
            .Send("hi").AssertReply("Which sector?")
            .Send(new Activity { Type = ActivityTypes.Message, Value = submit }).AssertReply("Result: Recycling")
            .StartTestAsync();
    }
}
