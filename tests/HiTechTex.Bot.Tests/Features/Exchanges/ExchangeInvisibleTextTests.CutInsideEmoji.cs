using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A text the form cuts to a length (the host search at 100, an over-long objective kept at 2,500 to be shortened) was
/// cut inside an emoji: the half left made the host search throw (string.Normalize: "String contains invalid Unicode
/// code points" — "Sorry, something went wrong", the form lost) and ended the objective given back with a broken glyph.
/// </summary>
public sealed partial class ExchangeInvisibleTextTests
{
    private const string ThreadEmoji = "\U0001F9F5";

    [Fact]
    public async Task Form_HostSearchOverTheLimitWithAnEmojiAtTheCut_FormComesBackWithTheSearchCutBeforeTheEmoji()
    {
        await host.Conversation.SeedProfileAsync("en");
        var search = new string('x', ExchangeLimits.Query - 1) + ThreadEmoji + " clutex";

        await OpenForm()
            .Send(() => FormSubmit("check", hostQuery: search))
            .AssertReply(r => lastForm = r, "the checked form")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new string('x', ExchangeLimits.Query - 1), InputValue("hostQuery"));
    }

    [Fact]
    public async Task Form_ObjectiveOverTheLimitWithAnEmojiWhereItIsKept_GivenBackWithoutHalfAnEmoji()
    {
        await host.Conversation.SeedProfileAsync("en");
        var objectives = new string('o', ExchangeApplyDialog.KeptTooLongText - 1) + ThreadEmoji + " more";

        await OpenForm()
            .Send(() => FormSubmit("submit", objectives: objectives))
            .AssertReply(r => lastForm = r, "the form with the objective to shorten")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains(JsonEncoded(En.TooLong(En.Objectives, ExchangeLimits.LongText)), Describe(lastForm!), StringComparison.Ordinal);
        Assert.Equal(new string('o', ExchangeApplyDialog.KeptTooLongText - 1), InputValue("objectives"));
        Assert.DoesNotContain(await host.ApplicationsAsync(), a => a.Status != ExchangeStatus.Draft);
    }
}
