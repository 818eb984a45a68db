using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class KeywordFallbackRecognizerTests
{
    [Theory]
    [InlineData("Find partners for nonwovens", Intent.FindPartners)]
    [InlineData("I want to apply for an exchange", Intent.ApplyForExchange)]
    [InlineData("book a coaching session", Intent.RegisterForCoaching)]
    [InlineData("show my applications", Intent.MyApplications)]
    [InlineData("my sessions", Intent.MySessions)]
    [InlineData("good morning", Intent.None)]
    public async Task RecognizeAsync_EnglishWords_FindsIntent(string text, Intent expected)
    {
        var result = await new KeywordFallbackRecognizer().RecognizeAsync(text, "en-US", null, CancellationToken.None);

        Assert.Equal(expected, result.Intent);
    }

    [Fact]
    public async Task RecognizeAsync_RemainingWords_BecomeKeywords()
    {
        var result = await new KeywordFallbackRecognizer().RecognizeAsync("find partners for antimicrobial nonwovens", null, null, CancellationToken.None);

        Assert.Equal(["antimicrobial", "nonwovens"], result.Entities.Keywords);
    }
}
