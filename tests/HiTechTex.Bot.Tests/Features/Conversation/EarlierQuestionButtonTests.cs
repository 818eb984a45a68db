using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Teams keeps every card clickable. Every "Yes" button used to send the same <c>{"choice":"Yes"}</c>, so the "Yes"
/// of an earlier question ("shall I call you Ana?") clicked while "delete my data?" waited deleted the profile. Now a
/// button answers only its own question; one of an earlier question is told so and the waiting question is asked again,
/// and one of a question that is over is told so before the menu.
/// </summary>
public sealed class EarlierQuestionButtonTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    private static JsonElement FirstButton(Activity reply) =>
        reply.Attachments![0].Content!.Value.GetProperty("actions")[0].GetProperty("data").Clone();

    private static JsonElement ButtonTitled(Activity reply, string title)
    {
        foreach (var action in reply.Attachments![0].Content!.Value.GetProperty("actions").EnumerateArray())
        {
            if (action.GetProperty("title").GetString() == title)
            {
                return action.GetProperty("data").Clone();
            }
        }

        throw new InvalidOperationException($"No button '{title}'.");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task TheYesOfAnEarlierQuestion_DoesNotDeleteTheData(string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);
        JsonElement oldYes = default, currentYes = default;

        await host.Flow()
            .Send("my profile")
            .AssertReply(reply => Assert.Null(reply.Attachments))                  // "Your profile: …"
            .AssertReply(reply => oldYes = FirstButton(reply))                      // "Shall I call you Ana?" [Yes] [No]
            .Send("cancel")
            .AssertReply(texts.Cancelled)
            .Send("delete my data")
            .AssertReply(reply =>
            {
                Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal);
                currentYes = FirstButton(reply);
            })
            .Send(() => host.Adapter.MakeSubmit(oldYes))                            // the old card's "Yes"
            .AssertReply(texts.EarlierQuestionButton)
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(oldYes.GetProperty("choice").GetString(), currentYes.GetProperty("choice").GetString());
        Assert.NotNull(await host.ReadProfileAsync());

        // The question's own "Yes" still deletes.
        await host.Flow()
            .Send(() => host.Adapter.MakeSubmit(currentYes))
            .AssertReply(texts.DataDeleted)
            .StartTestAsync();
        Assert.Null(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("en", "English")]
    [InlineData("es", "Español")]
    [InlineData("cs", "Čeština")]
    public async Task AButtonOfAQuestionThatIsOver_SaysSoAndChangesNothing(string language, string languageName)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);
        JsonElement italian = default, czech = default;

        await host.Flow()
            .Send("language")
            .AssertReply(reply =>
            {
                italian = ButtonTitled(reply, "Italiano");
                czech = ButtonTitled(reply, "Čeština");
            })
            .Send(languageName)
            .AssertReplyContains("Ana")                                             // saved, in the same language
            .Send(() => host.Adapter.MakeSubmit(language == "cs" ? italian : czech)) // an old language button
            .AssertReply(texts.QuestionEnded)
            .AssertReply(reply => Assert.NotNull(reply.Attachments))                // the menu
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(language, (await host.ReadProfileAsync())?.Language);
    }
}
