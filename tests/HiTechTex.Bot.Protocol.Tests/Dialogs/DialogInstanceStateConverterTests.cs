using System.Text.Json;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.State;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>How a stored dialog stack is read back: nested component stacks typed at once, everything else as stored.</summary>
public sealed class DialogInstanceStateConverterTests
{
    private static readonly JsonSerializerOptions Options = BotState.DefaultJsonOptions;

    private const string NestedStack = """
        {"dialogStack":[{"id":"main","state":{"dialogs":{"dialogStack":[{"id":"profile","state":{"dialogs":{"dialogStack":[
        {"id":"confirm","state":{"options":{"prompt":"Is this right?"},"attemptCount":1}}]},"values":{"name":"Ana"}}}]},"stepIndex":0}}]}
        """;

    [Fact]
    public void Read_NestedComponentStacks_ComeBackAsDialogStatesAllTheWayDown()
    {
        var state = JsonSerializer.Deserialize<DialogState>(NestedStack, Options)!;

        var main = Assert.Single(state.DialogStack);
        var profileStack = Assert.IsType<DialogState>(main.State["dialogs"]);
        var profile = Assert.Single(profileStack.DialogStack);
        Assert.Equal("profile", profile.Id);
        var confirmStack = Assert.IsType<DialogState>(profile.State["dialogs"]);
        var confirm = Assert.Single(confirmStack.DialogStack);
        Assert.Equal("confirm", confirm.Id);

        // Other values stay JSON elements, as dialogs expect them.
        var stepIndex = Assert.IsType<JsonElement>(main.State["stepIndex"]);
        Assert.Equal(0, stepIndex.GetInt32());
        Assert.Equal("Ana", DialogStateValues.GetValue<Dictionary<string, string>>(profile.State, "values")!["name"]);
        Assert.Equal(1, DialogStateValues.GetValue<int>(confirm.State, "attemptCount"));
    }

    [Fact]
    public void WriteThenRead_TheSameJsonComesBack()
    {
        var state = JsonSerializer.Deserialize<DialogState>(NestedStack, Options)!;

        var written = JsonSerializer.Serialize(state, Options);
        var again = JsonSerializer.Serialize(JsonSerializer.Deserialize<DialogState>(written, Options), Options);

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(NestedStack).RootElement, JsonDocument.Parse(written).RootElement));
        Assert.Equal(written, again);
    }

    [Theory]
    [InlineData("""{"dialogStack":[],"other":1}""")]
    [InlineData("""{"other":1,"dialogStack":[]}""")]
    [InlineData("""{"dialogStack":{"id":"x"}}""")]
    [InlineData("""{}""")]
    [InlineData("""["dialogStack"]""")]
    [InlineData("\"dialogs\"")]
    public void Read_ADialogsValueOfAnotherShape_StaysAsStored(string value)
    {
        var json = $$$"""{"dialogStack":[{"id":"custom","state":{"dialogs":{{{value}}},"n":null}}]}""";

        var instance = Assert.Single(JsonSerializer.Deserialize<DialogState>(json, Options)!.DialogStack);

        var element = Assert.IsType<JsonElement>(instance.State["dialogs"]);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(value).RootElement, element));
        Assert.True(instance.State.ContainsKey("n"));
        Assert.Null(instance.State["n"]);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<DialogState>(json, Options), Options));
    }

    [Theory]
    [InlineData("""{"dialogStack":[{"id":"x","state":[1]}]}""")]
    [InlineData("""{"dialogStack":[{"id":"x","state":"text"}]}""")]
    public void Read_AStateThatIsNotAnObject_Throws(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DialogState>(json, Options));
}
