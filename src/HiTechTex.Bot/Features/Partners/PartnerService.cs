namespace HiTechTex.Bot.Features.Partners;

/// <summary>Services an organisation offers to others.</summary>
public enum PartnerService
{
    TestingLab,
    PilotLine,
    Prototyping,
    Training,
    Certification,
    Consulting,
}
