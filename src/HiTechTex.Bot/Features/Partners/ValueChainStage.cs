namespace HiTechTex.Bot.Features.Partners;

/// <summary>Stages of the textile value chain an organisation works in.</summary>
public enum ValueChainStage
{
    Fibre,
    Yarn,
    Fabric,
    Finishing,
    MakingUp,
    Distribution,
    EndOfLife,
}
