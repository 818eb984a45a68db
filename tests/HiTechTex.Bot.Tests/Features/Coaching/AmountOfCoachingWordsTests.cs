using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// "I need 2 weeks of coaching", "interested in 3 days of training", "3 günlük eğitim istiyorum", "potřebuju 2 týdny
/// koučinku": before, the session list said "I could not filter by “weeks”" (“interested days”, “gunluk”, “potrebuju
/// tydny”) — the amount and the wish are no filter the user asked for, and are not said back.
/// </summary>
public sealed class AmountOfCoachingWordsTests
{
    [Theory]
    [InlineData("I need 2 weeks of coaching")]
    [InlineData("interested in 3 days of training")]
    [InlineData("preciso de 2 semanas de coaching")]
    [InlineData("interessado em 5 dias de formação")]
    [InlineData("necesito 2 semanas de coaching")]
    [InlineData("ho bisogno di 3 giorni di formazione")]
    [InlineData("3 gunluk egitim istiyorum")]
    [InlineData("3 günlük eğitimle ilgileniyorum")]
    [InlineData("potrebuju 2 tydny koucinku")]
    [InlineData("zajímá mě 3 dny školení")]
    [InlineData("jake mate skoleni")]                  // "máte" (you have) was said back as a filter
    [InlineData("jaká školení nabízíte?")]
    [InlineData("che corsi avete?")]
    [InlineData("¿qué cursos ofrecen?")]
    public void Unused_AnAmountOfCoachingOrWhatYouHave_NothingToSayBack(string typed)
    {
        var tokens = TextNormalizer.Tokenize(typed);

        Assert.Empty(SessionRequestWords.Unused(tokens, new HashSet<string>(StringComparer.Ordinal), new HashSet<int>()));
    }

    [Fact]
    public void Unused_AWordThatFiltersNothing_StillSaid()
    {
        Assert.Equal(["dyeing"], SessionRequestWords.Unused(TextNormalizer.Tokenize("I need 2 weeks of dyeing coaching"), new HashSet<string>(StringComparer.Ordinal), new HashSet<int>()));
    }
}
