using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A profile organisation kept as typed (no directory id) names a directory organisation by whole words, word starts,
/// short name or initials — not by a substring inside a word: "Ana" is not ATEVAL ("… Comunidad Valenciana").
/// </summary>
public sealed class ExchangeProfileOrganisationNameTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task StepByStep_ProfileOrganisationInsideAnotherName_ToldItIsNotInTheDirectory()
    {
        // Arrange: by substring "Ana" was ATEVAL, the only match, taken as the visiting organisation without a question.
        await host.Conversation.SeedProfileAsync("en", organisation: "Ana");

        // Act / Assert
        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(string.Format(CultureInfo.InvariantCulture, En.NotInDirectoryFormat, "Ana"))
            .AssertNoReply()
            .StartTestAsync();
        Assert.Empty(await host.ApplicationsAsync());
    }

    [Fact]
    public async Task StepByStep_ProfileOrganisationIsAShortName_ThatOrganisationWithoutAQuestion()
    {
        await host.Conversation.SeedProfileAsync("en", organisation: "ateval");

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(r => Assert.Equal(En.AskHost, r.Text), "the host question: the visiting organisation is ATEVAL")
            .StartTestAsync();
    }
}
