using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>One index over the full default seed, shared by the tests of a class (building it once keeps them fast).</summary>
public sealed class SeededPartnerIndexFixture : IDisposable
{
    public IReadOnlyList<Organisation> Seed { get; } = PartnerSeedData.Create(new PartnersOptions());

    public PartnerSearchIndex Index { get; }

    public SeededPartnerIndexFixture() => Index = TestOrganisations.IndexOf(Seed);

    private static readonly LocalIntentRecognizer Recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    /// <summary>As the chat does: the local recognizer's keywords and country, then the directory search (up to 100 hits).</summary>
    public PartnerSearchResults SearchAsTyped(string typed) =>
        Index.Search(FindPartnersDialog.QueryOf(Recognizer.Recognize(typed, null).Entities).ToSearch(100));

    public void Dispose() => Index.Dispose();
}
