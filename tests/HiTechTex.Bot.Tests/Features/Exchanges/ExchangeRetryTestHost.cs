using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The set-up the delivery-retry tests share: an <see cref="ExchangeDialogTestHost"/> whose messenger answers the CITEVE
/// manager's and the applicant's sends with what a test sets (<see cref="ManagerSend"/>, <see cref="ApplicantSend"/>:
/// delivered unless told otherwise), an application submitted through the workflow, the decisions and the withdrawal
/// made as the people's turns make them, the follow-up's passes, and what was sent to whom (every attempt, delivered
/// or not).
/// </summary>
internal sealed class ExchangeRetryTestHost : IDisposable
{
    /// <summary>What the messenger answers for a delivered message.</summary>
    public static readonly ProactiveSendResult Delivered = new(ProactiveSendStatus.Sent, "a:chat", "activity-9");

    /// <summary>The manager who decides in these tests, as their turns name them.</summary>
    public const string ManagerName = "Vasco Almeida";

    /// <param name="extraConfiguration">Settings added to the host's (e.g. the coordinator).</param>
    /// <param name="applicantId">Who applies: by default the test adapter's user.</param>
    /// <param name="applicantUserId">Their Teams user id.</param>
    public ExchangeRetryTestHost(
        IReadOnlyDictionary<string, string?>? extraConfiguration = null, string applicantId = ExchangeDialogTestHost.ApplicantId, string applicantUserId = "29:user-1")
    {
        ApplicantId = applicantId;
        ApplicantUserId = applicantUserId;
        Host = new ExchangeDialogTestHost(extraConfiguration);
        Host.Messenger.Setup(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string _, Activity activity, CancellationToken _) => ManagerSend(activity));
        Host.Messenger.Setup(m => m.SendToUserAsync(applicantId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string _, Activity activity, CancellationToken _) => ApplicantSend(activity));
    }

    public ExchangeDialogTestHost Host { get; }

    public string ApplicantId { get; }

    public string ApplicantUserId { get; }

    /// <summary>The answer to each send to the CITEVE manager (<see cref="ExchangeDialogTestHost.VisitingManagerId"/>).</summary>
    public Func<Activity, ProactiveSendResult> ManagerSend { get; set; } = _ => Delivered;

    /// <summary>The answer to each send to the applicant.</summary>
    public Func<Activity, ProactiveSendResult> ApplicantSend { get; set; } = _ => Delivered;

    /// <summary>The applicant, as their turns name them.</summary>
    public ExchangeActor Applicant => new(ApplicantId, "Ana", ApplicantUserId, "tenant-1");

    /// <summary>The CITEVE manager, as their turns name them.</summary>
    public static ExchangeActor Manager => new(ExchangeDialogTestHost.VisitingManagerId, ManagerName, "29:manager", "tenant-1");

    public void Dispose() => Host.Dispose();

    /// <summary>A transient failure of the connector: a 500, an HttpClient timeout, or no connection.</summary>
    public static Exception Transient(string failure) => failure switch
    {
        "500" => new ConnectorException(HttpStatusCode.InternalServerError, null, "Service unavailable"),
        "timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."),
        _ => new HttpRequestException("Connection refused"),
    };

    /// <summary>A CITEVE → CLUTEX application created and submitted by the applicant (stage 1, version 2).</summary>
    public async Task<Guid> SubmitAsync()
    {
        var id = await CreateAsync();
        await SubmitAsync(id, CancellationToken.None);
        return id;
    }

    /// <summary>A CITEVE → CLUTEX draft of the applicant (version 1).</summary>
    public async Task<Guid> CreateAsync()
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ApplicantId, ApplicantUserId = ApplicantUserId, ApplicantName = "Ana", TenantId = "tenant-1",
            ApplicantLanguage = "en", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CreateAsync(application, CancellationToken.None);
        return application.Id;
    }

    /// <summary>The applicant submits the draft <paramref name="id"/>, in a turn that <paramref name="cancellationToken"/> may stop.</summary>
    public async Task SubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        var (result, submitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(Applicant, id, 1, cancellationToken);
        Assert.True(result.IsEligible, string.Join(", ", result.Problems));
        Assert.Equal(ExchangeStatus.Stage1, submitted?.Status);
    }

    /// <summary>The applicant withdraws the submitted application (confirmed), as their turn does.</summary>
    public async Task WithdrawAsync(Guid id)
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        var data = System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, confirmed = "yes" });
        await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(Applicant, ExchangeVerbs.Withdraw, data, ExchangeTexts.English, CancellationToken.None);
    }

    /// <summary>
    /// The manager decides on the submitted application (version 2), as their turn does; a comment when given; in a turn
    /// that <paramref name="cancellationToken"/> may stop.
    /// </summary>
    public async Task DecideAsync(Guid id, string verb, string? comment = null, CancellationToken cancellationToken = default)
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        var data = comment is null
            ? System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2 })
            : System.Text.Json.JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment });
        await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(Manager, verb, data, ExchangeTexts.English, cancellationToken);
    }

    public async Task<ExchangeApplication> FindAsync(Guid id)
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!;
    }

    public async Task<string> ReferenceAsync(Guid id) => (await FindAsync(id)).Reference;

    /// <summary>The cards recorded as sent about the application.</summary>
    public async Task<IReadOnlyList<ExchangeCardReference>> CardsAsync(Guid id)
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CardsAsync(id, CancellationToken.None);
    }

    /// <summary>One pass of the follow-up.</summary>
    public async Task<ExchangeFollowUpResult> RunFollowUpAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = Host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(cancellationToken);
    }

    /// <summary>Every message sent (tried) to a person's 1:1 chat, delivered or not.</summary>
    public IEnumerable<Activity> SentTo(string aadObjectId) => Host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], aadObjectId))
        .Select(i => i.Arguments[2]).OfType<Activity>();

    /// <summary>Every attempt (delivered or not) of a plain-text message.</summary>
    public IReadOnlyList<string> TextsTo(string aadObjectId) => [.. SentTo(aadObjectId).Select(a => a.Text).OfType<string>()];

    /// <summary>Every attempt (delivered or not) of a card.</summary>
    public int CardsTo(string aadObjectId) => SentTo(aadObjectId).Count(a => a.Attachments is { Count: > 0 });

    /// <summary>The one card of an activity, as JSON with non-ASCII text left readable.</summary>
    public static string CardJson(Activity activity) =>
        System.Text.Json.JsonSerializer.Serialize(Assert.Single(activity.Attachments ?? []).Content,
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
