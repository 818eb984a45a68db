using System.Text.Json;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// What people typed, quoted in the plain-text messages the bot sends others (a manager's comment in the applicant's
/// status message). Those messages are plain text, which Teams shows as typed: the comment is quoted as typed (no
/// backslashes), on one line and without the characters that reverse text.
/// </summary>
public sealed class ExchangeMessageTextTests : IDisposable
{
    private const string Comment = "[Verify your account](https://phish.example/login) **now**\n# Heading\n- item <b>x</b>";

    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public void QuotedInMessage_MarkdownAndBidiAndLineBreaks_AsTypedOnOneLineWithoutReversal()
    {
        var quoted = ExchangeNotifier.QuotedInMessage(Comment + " \u202Eevil");

        Assert.Equal("[Verify your account](https://phish.example/login) **now** # Heading - item <b>x</b> evil", quoted);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("cs")]
    public async Task Reject_CommentWithMarkdown_ApplicantsPlainTextMessageQuotesItAsTyped(string language)
    {
        var application = await StoreSubmittedAsync(language);
        host.Conversation.Adapter.User = new() { Id = "29:manager", Name = "Vasco", AadObjectId = ExchangeDialogTestHost.VisitingManagerId };

        await host.Conversation.Flow()
            .Send(() => host.Conversation.Adapter.MakeExecute(ExchangeVerbs.Reject,
                JsonSerializer.SerializeToElement(new { exchangeId = application.Id.ToString(), v = application.Version, comment = Comment })))
            .AssertInvokeResponse(_ => { })
            .StartTestAsync();

        var texts = ExchangeTexts.Resolve(language);
        var notice = host.Messenger.Invocations
            .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToConversationAsync))
            .Select(i => (Activity)i.Arguments[1]!)
            .Single(a => a.Text?.Contains(application.Reference, StringComparison.Ordinal) == true)!;
        Assert.Equal("plain", notice.TextFormat);    // shown as typed by Teams: no link, no bold, no heading
        Assert.Contains(texts.Statuses[ExchangeStatus.Rejected], notice.Text, StringComparison.Ordinal);
        Assert.Contains("[Verify your account](https://phish.example/login) **now** # Heading", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# ", notice.Text, StringComparison.Ordinal);
    }

    private async Task<ExchangeApplication> StoreSubmittedAsync(string language)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = language, ApplicantConversationId = "a:conversation-1", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.Networking, Objectives = "o", Agenda = "a", ExpectedOutcomes = "x",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, actor, null, null, CancellationToken.None));
        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }
}
