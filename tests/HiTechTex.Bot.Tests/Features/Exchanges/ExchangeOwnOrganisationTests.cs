using System.Globalization;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// An applicant who is also a cluster manager of their own organisation: nobody decides on their own application. The
/// card goes to the stage's other approvers; when the applicant is its only one, they are told to contact the
/// coordinator — never a button-less "approval" card of their own application.
/// </summary>
public sealed class ExchangeOwnOrganisationTests : IDisposable
{
    private const string ApplicantAsManagerKey = $"Roles:ClusterManagers:{ExchangeDialogTestHost.ApplicantId}:0";

    private ExchangeDialogTestHost host = new(new Dictionary<string, string?> { [ApplicantAsManagerKey] = HiTechTexPartners.CiteveId });

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Submit_ApplicantAlsoManagesTheOrganisation_CardToTheOtherManagerOnlyAndNoneToTheApplicant()
    {
        // Act
        var application = await SubmitAsync();

        // Assert
        Assert.Single(CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Empty(CardsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.DoesNotContain(TextsTo(ExchangeDialogTestHost.ApplicantId), t => t.Contains(application.Reference, StringComparison.Ordinal));
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var approvers = scope.ServiceProvider.GetRequiredService<ExchangeApprovers>();
        Assert.Equal([ExchangeDialogTestHost.VisitingManagerId], await approvers.CurrentAsync(application, CancellationToken.None));
        var view = await scope.ServiceProvider.GetRequiredService<ExchangeViews>().ForAsync(application, ExchangeDialogTestHost.ApplicantId, CancellationToken.None);
        Assert.False(view.CanDecide);
        Assert.True(view.CanWithdraw);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task Submit_ApplicantIsTheOnlyManagerOfTheOrganisation_NoCardAndToldToContactTheCoordinatorInTheirLanguage(string language)
    {
        // Arrange: the other manager manages another partner.
        host.Dispose();
        host = new ExchangeDialogTestHost(new Dictionary<string, string?>
        {
            [ApplicantAsManagerKey] = HiTechTexPartners.CiteveId,
            [$"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0"] = HiTechTexPartners.TecnotessileId,
        });

        // Act
        var application = await SubmitAsync(language);

        // Assert
        Assert.Empty(CardsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Empty(CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        var told = Assert.Single(TextsTo(ExchangeDialogTestHost.ApplicantId));
        var texts = ExchangeTexts.Resolve(language);
        var expectedStart = string.Format(CultureInfo.InvariantCulture, texts.OnlyApproverIsApplicantFormat, application.Reference, "\u0001", "\u0002").Split('\u0001')[0];
        Assert.StartsWith(expectedStart, told, StringComparison.Ordinal);
        Assert.Contains(application.Reference, told, StringComparison.Ordinal);
        Assert.Contains("Portuguese Textile Cluster / CITEVE", told, StringComparison.Ordinal);
        Assert.Equal(ExchangeStatus.Stage1, application.Status);
    }

    [Fact]
    public async Task Submit_ApplicantIsTheOnlyManager_TheWarningSaysSoNotThatNoManagerIsConfigured()
    {
        // Arrange
        host.Dispose();
        host = new ExchangeDialogTestHost(new Dictionary<string, string?>
        {
            [ApplicantAsManagerKey] = HiTechTexPartners.CiteveId,
            [$"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0"] = HiTechTexPartners.TecnotessileId,
        });

        // Act
        var application = await SubmitAsync();

        // Assert: before, warning 2307 "no cluster manager … for organisation" — misleading, one is configured.
        var warning = Assert.Single(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Equal(2323, warning.EventId);
        Assert.Contains("is the applicant", warning.Message, StringComparison.Ordinal);
        Assert.Contains(application.Reference, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == 2307);
    }

    [Fact]
    public async Task FollowUp_ApplicantIsTheOnlyManager_NoCardAndNoReminderForThemEver()
    {
        // Arrange
        host.Dispose();
        host = new ExchangeDialogTestHost(new Dictionary<string, string?>
        {
            [ApplicantAsManagerKey] = HiTechTexPartners.CiteveId,
            [$"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0"] = HiTechTexPartners.TecnotessileId,
        });
        await SubmitAsync();
        host.Time.Advance(TimeSpan.FromDays(10));

        // Act
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), result);
        Assert.Empty(CardsTo(ExchangeDialogTestHost.ApplicantId));
    }

    private async Task<ExchangeApplication> SubmitAsync(string language = "en")
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant-1",
            ApplicantLanguage = language, StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant-1");
        var (result, submitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(actor, application.Id, 1, CancellationToken.None);
        Assert.True(result.IsEligible, string.Join(", ", result.Problems));
        return submitted!;
    }

    private IReadOnlyList<Activity> SentTo(string aadObjectId) => [.. host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], aadObjectId))
        .Select(i => i.Arguments[2]).OfType<Activity>()];

    private IReadOnlyList<Activity> CardsTo(string aadObjectId) => [.. SentTo(aadObjectId).Where(a => a.Attachments is { Count: > 0 })];

    private IReadOnlyList<string> TextsTo(string aadObjectId) => [.. SentTo(aadObjectId).Select(a => a.Text).OfType<string>()];
}
