namespace HiTechTex.Bot.Language;

/// <summary>What a user wants to do.</summary>
public enum Intent
{
    None,
    FindPartners,
    ApplyForExchange,
    RegisterForCoaching,
    MyApplications,
    MySessions,
    Help,
    Cancel,
}
