namespace HiTechTex.Bot.Features.Partners;

/// <summary>A person (or role mailbox) to contact at an organisation; the Entra object id lets the bot reach them in Teams.</summary>
public sealed record PartnerContact(string Name, string Email, string? EntraObjectId = null);
