namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// One exchange application (table <c>Exchanges</c>). <see cref="Version"/> is the optimistic-concurrency token: every
/// change sets it to the next number, and every transition is a conditional UPDATE on (id, version, status), so two
/// concurrent decisions cannot both succeed.
/// </summary>
internal sealed class ExchangeApplication
{
    public Guid Id { get; set; }

    /// <summary>A short human reference (EX-XXXXXX) derived from the id.</summary>
    public string Reference { get; set; } = "";

    public string VisitingOrganisationId { get; set; } = "";

    public string HostOrganisationId { get; set; } = "";

    public string ApplicantAadObjectId { get; set; } = "";

    /// <summary>The applicant's Teams user id (29:…), for the card's <c>refresh.userIds</c>.</summary>
    public string ApplicantUserId { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    public string TenantId { get; set; } = "";

    /// <summary>The applicant's language (en, pt, es, it, tr, cs) for their cards and notifications.</summary>
    public string ApplicantLanguage { get; set; } = "en";

    /// <summary>The conversation the application was made in (where the applicant is notified).</summary>
    public string ApplicantConversationId { get; set; } = "";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public ExchangeActivityType? ActivityType { get; set; }

    public string Objectives { get; set; } = "";

    public string Agenda { get; set; } = "";

    public string ExpectedOutcomes { get; set; } = "";

    public ExchangeStatus Status { get; set; }

    /// <summary>Concurrency token, incremented by every change.</summary>
    public int Version { get; set; }

    /// <summary>The approver the current stage was reassigned to; null = any approver of the stage.</summary>
    public string? AssignedApproverAadObjectId { get; set; }

    /// <summary>When the current status was entered (reminders count from here).</summary>
    public DateTimeOffset StatusChangedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The lump-sum estimate at submission, in euros.</summary>
    public decimal? LumpSum { get; set; }

    public string ReportOutcomes { get; set; } = "";

    /// <summary>Evidence the applicant ticked, comma-separated (tickets, invoices, agenda).</summary>
    public string ReportEvidence { get; set; } = "";

    /// <summary>When the closing report was requested from the applicant (once).</summary>
    public DateTimeOffset? ReportRequestedAt { get; set; }
}
