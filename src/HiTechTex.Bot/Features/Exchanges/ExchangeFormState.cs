namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>What the application form holds between its turns (dialog state), validated before it is stored here.</summary>
internal sealed record ExchangeFormState
{
    /// <summary>The stored application being edited; null until first saved.</summary>
    public Guid? ExchangeId { get; init; }

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
}
