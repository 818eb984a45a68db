namespace HiTechTex.Bot.Features.Partners;

/// <summary>An introduction request as the cards and the handler see it.</summary>
/// <param name="Addressees">Entra object ids of the people who may accept or decline.</param>
/// <param name="Cards">Where the addressees' cards were sent, to update them for everyone.</param>
/// <param name="DecidedAt">When it was answered or expired (the expired card says the day).</param>
internal sealed record Introduction(
    string Id,
    string RequesterName,
    string RequesterOrganisation,
    string RequesterLanguage,
    string RequesterConversationId,
    string OrganisationId,
    string OrganisationName,
    string Message,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<SentCard> Cards,
    IntroductionStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt = null);
