using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>One index over the full default seed, shared by the tests of a class (building it once keeps them fast).</summary>
public sealed class SeededPartnerIndexFixture : IDisposable
{
    public IReadOnlyList<Organisation> Seed { get; } = PartnerSeedData.Create(new PartnersOptions());

    public PartnerSearchIndex Index { get; }

    public SeededPartnerIndexFixture() => Index = TestOrganisations.IndexOf(Seed);

    public void Dispose() => Index.Dispose();
}
