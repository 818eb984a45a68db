namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>What the application form holds between its turns (dialog state), validated before it is stored here.</summary>
internal sealed record ExchangeFormState
{
    /// <summary>The stored application being edited; null until first saved.</summary>
    public Guid? ExchangeId { get; init; }

    /// <summary>
    /// The id a new application gets at its first save, made with the form (<see cref="ExchangeApplicationDrafts.NewAsync"/>):
    /// two saves of the same new form at once — a double click, two devices, two bot instances — create one draft
    /// (the second finds it, <see cref="ExchangeStore.TryCreateAsync"/>). Null in a form state stored before it existed.
    /// </summary>
    public Guid? NewId { get; init; }

    /// <summary>The stored application this form is about, or will be once first saved (the one a second click finds).</summary>
    public Guid? DraftId => ExchangeId ?? NewId;

    /// <summary>The version the form was loaded at (a save fails when somebody changed it since).</summary>
    public int Version { get; init; }

    public string? VisitingId { get; init; }

    public string? HostQuery { get; init; }

    public string? HostId { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public ExchangeActivityType? ActivityType { get; init; }

    public string? Objectives { get; init; }

    public string? Agenda { get; init; }

    public string? Outcomes { get; init; }

    public string? Notice { get; init; }

    /// <summary>
    /// The answers the step-by-step questions started from, when they started from some (an application edited, the
    /// form's answers): each question shows its answer to keep, and the check before Submit says what changed.
    /// </summary>
    public ExchangeFormState? Before { get; init; }
}
