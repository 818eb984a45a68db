namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The ClusterXchange activity types (domain.md).</summary>
internal enum ExchangeActivityType
{
    CapacityBuilding,
    KnowledgeSharing,
    ResearchAndDevelopment,
    MarketResearch,
    Networking,
}
