namespace HiTechTex.Bot.Features.Coaching;

/// <summary>The validated content of the coordinator's session form (or one import row).</summary>
internal sealed record SessionDraft(
    string Title,
    string Description,
    string Topic,
    string Trainer,
    string Language,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    int Capacity,
    SessionMode Mode,
    string? Location,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset RegistrationClosesAt,
    string OrganizerMailbox);
