using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The step-by-step questions say back the period they understood before anything is submitted: "next Monday" or
/// "1/3" was taken without a word (only the host was said back), and the user saw the dates only on the submitted card.
/// </summary>
public sealed class ExchangeStepByStepPeriodTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "next Monday", "4 December 2026", "Period: 30 Nov 2026 – 4 Dec 2026 (5 working days)")]
    [InlineData("pt", "2026-11-30", "2026-12-04", "Período: 30 nov. 2026 – 4 dez. 2026 (5 dias úteis)")]
    [InlineData("cs", "30. listopadu 2026", "4. prosince 2026", "Období: 30. lis 2026 – 4. pro 2026 (5 pracovních dní)")]
    public async Task StepByStep_BeforeSubmitting_SaysThePeriodAsUnderstood(string language, string start, string end, string period)
    {
        var texts = ExchangeTexts.Resolve(language);
        await host.Conversation.SeedProfileAsync(language);
        string? check = null;

        await host.Conversation.Flow()
            .Send("apply step by step")
            .AssertReply(texts.AskHost)
            .Send("Clutex")
            .AssertReplyContains($"{texts.HostOrganisation}: CLUTEX")
            .AssertReply(texts.AskStartDate)
            .Send(start)
            .AssertReply(texts.AskEndDate)
            .Send(end)
            .AssertReply(_ => { }, "the activity types")
            .Send(texts.ActivityTypes[ExchangeActivityType.Networking])
            .AssertReply(texts.AskObjectives)
            .Send("Meet partners.")
            .AssertReply(texts.AskAgenda)
            .Send("Day 1 visit.")
            .AssertReply(texts.AskOutcomes)
            .Send("An agreement.")
            .AssertReply(r => check = r.Text, "the check")
            .StartTestAsync();

        Assert.NotNull(check);
        Assert.StartsWith(period, check, StringComparison.Ordinal);
        Assert.Contains($"{texts.Eligibility}: {texts.Eligible}", check, StringComparison.Ordinal);
    }
}
