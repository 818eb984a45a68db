using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// A person's own organisation named by whole words, word starts, short name, id or initials (case- and
/// accent-insensitive) — never by a substring inside a word, so that "Ana" does not offer the "Anadolu" and "Toscana" ones.
/// </summary>
public sealed class OrganisationNameMatcherTests
{
    /// <summary>The directory the bot starts with: the six partners and the default demo set.</summary>
    private static readonly IReadOnlyList<Organisation> Directory = PartnerSeedData.Create(new PartnersOptions());

    [Theory]
    [InlineData("CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("citeve", HiTechTexPartners.CiteveId)]
    [InlineData("CİTEVE", HiTechTexPartners.CiteveId)]
    [InlineData("Citevé", HiTechTexPartners.CiteveId)]
    [InlineData("Portuguese Textile Cluster", HiTechTexPartners.CiteveId)]
    [InlineData("NTT", HiTechTexPartners.TecnotessileId)]
    [InlineData("Next Technology Tecnotessile", HiTechTexPartners.TecnotessileId)]
    [InlineData("ateval", HiTechTexPartners.AtevalId)]
    [InlineData("AEI Textils", HiTechTexPartners.AeiTextilsId)]
    [InlineData("clutex", HiTechTexPartners.ClutexId)]
    [InlineData("DCC TTC", HiTechTexPartners.DenizliId)]
    [InlineData("hitechtex-clutex", HiTechTexPartners.ClutexId)]
    public void Find_ShortNameWholeNameOrId_TheOrganisationFirstAndExact(string typed, string id)
    {
        // Act
        var found = OrganisationNameMatcher.Find(Directory, typed, 5);

        // Assert
        Assert.Equal(id, found[0].Organisation.Id);
        Assert.Equal(OrganisationNameMatcher.Closeness.Exact, found[0].Closeness);
        Assert.DoesNotContain(found.Skip(1), f => f.Closeness == OrganisationNameMatcher.Closeness.Exact);
    }

    [Fact]
    public void Find_Initials_TheOrganisation()
    {
        // Arrange
        var organisations = new[]
        {
            TestOrganisations.Make("aitex", "Asociación de Investigación de la Industria Textil", "ES", "Valencia", "Alcoi", "es", "."),
            TestOrganisations.Make("other", "Tejidos Alcoi S.L.", "ES", "Valencia", "Alcoi", "es", "."),
        };

        // Act
        var found = OrganisationNameMatcher.Find(organisations, "AIIT", 5);

        // Assert
        Assert.Equal("aitex", Assert.Single(found).Organisation.Id);
    }

    /// <summary>
    /// Two letters are someone's initials only in capitals: "co je to?" opened the demo directory's "Têxteis Oliveira"
    /// ("to"), while "TO" is how a person writes those initials.
    /// </summary>
    [Theory]
    [InlineData("TO", true)]
    [InlineData("to", false)]
    [InlineData("To", false)]
    [InlineData("TOL", true)]
    [InlineData("tol", true)]
    public void Find_TwoLetterInitials_OnlyInCapitals(string typed, bool found)
    {
        // Arrange
        var organisations = new[]
        {
            TestOrganisations.Make("oliveira", "Têxteis Oliveira", "PT", "Norte", "Braga", "pt", "."),
            TestOrganisations.Make("lda", "Têxteis Oliveira Lusitana", "PT", "Norte", "Braga", "pt", "."),
        };
        var expected = typed.Length == 2 ? "oliveira" : "lda";

        // Act
        var matches = OrganisationNameMatcher.Find(organisations, typed, 5);

        // Assert
        Assert.Equal(found, matches.Any(m => m.Organisation.Id == expected && m.Closeness == OrganisationNameMatcher.Closeness.Exact));
    }

    [Theory]
    [InlineData("Ana")]
    [InlineData("ana")]
    [InlineData("Tex")]
    [InlineData("Tes")]
    public void Find_AShortStringInsideWords_MatchesNothing(string typed)
    {
        // Arrange: by substring, each of these is inside the names of many organisations.
        var bySubstring = Directory.Count(o => TextFolding.Fold(o.Name).Contains(TextFolding.Fold(typed), StringComparison.Ordinal));
        Assert.True(bySubstring > 5, $"'{typed}' is inside {bySubstring} names");

        // Act
        var found = OrganisationNameMatcher.Find(Directory, typed, 10);

        // Assert
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("S.A.")]
    [InlineData("Lda")]
    [InlineData("de la")]
    [InlineData("")]
    public void Find_OnlyLegalFormsOrLinkingWords_MatchesNothing(string typed)
    {

        // Act
        var found = OrganisationNameMatcher.Find(Directory, typed, 10);

        // Assert
        Assert.Empty(found);
    }

    [Fact]
    public void Find_TheStartOfAWord_MatchesOnlyThoseWithAWordStartingSo()
    {
        // Act
        var found = OrganisationNameMatcher.Find(Directory, "Tecnotess", 10);

        // Assert
        var match = Assert.Single(found);
        Assert.Equal(HiTechTexPartners.TecnotessileId, match.Organisation.Id);
        Assert.Equal(OrganisationNameMatcher.Closeness.Prefixes, match.Closeness);
    }

    [Fact]
    public void Find_AWholeWordOfSeveralNames_AllOfThemClosestFirstRealPartnersBeforeDemo()
    {
        // Act
        var found = OrganisationNameMatcher.Find(Directory, "Anadolu", 50);

        // Assert
        Assert.True(found.Count > 1);
        Assert.All(found, f => Assert.Contains("anadolu", OrganisationNameMatcher.Tokens(f.Organisation.Name)));
        Assert.Equal(found.OrderBy(f => f.Closeness).Select(f => f.Organisation.Id), found.Select(f => f.Organisation.Id));
    }

    [Fact]
    public async Task Lookup_AnOrganisationNotListed_NeverInAChoiceButFoundByItsOwnName()
    {
        // Arrange
        var unlisted = TestOrganisations.Make("unlisted", "Filatura Riservata S.r.l.", "IT", "Tuscany", "Prato", "it", ".", consent: false);
        var listed = TestOrganisations.Make("listed", "Filatura Aperta S.r.l.", "IT", "Tuscany", "Prato", "it", ".");
        var other = TestOrganisations.Make("other", "Filatura Toscana S.r.l.", "IT", "Tuscany", "Prato", "it", ".");
        var directory = new Mock<IPartnerDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([unlisted, listed, other]);
        var lookup = new DirectoryOrganisationLookup(directory.Object);

        // Act
        var several = await lookup.FindAsync("Filatura", 5, CancellationToken.None);
        var named = await lookup.FindAsync("Filatura Riservata", 5, CancellationToken.None);

        // Assert
        Assert.Equal(["listed", "other"], several.Choices.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal("unlisted", named.Sure?.Id);
    }

    [Fact]
    public async Task Lookup_SeveralMatch_AtMostTheChoicesAskedForAndNoneSure()
    {
        // Arrange
        var directory = new Mock<IPartnerDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Directory);
        var lookup = new DirectoryOrganisationLookup(directory.Object);

        // Act
        var textil = await lookup.FindAsync("Textil", 5, CancellationToken.None);
        var citeve = await lookup.FindAsync("CITEVE", 5, CancellationToken.None);
        var ana = await lookup.FindAsync("Ana", 5, CancellationToken.None);

        // Assert
        Assert.Null(textil.Sure);
        Assert.Equal(5, textil.Choices.Count);
        Assert.All(textil.Choices, c => Assert.EndsWith(")", c.Label, StringComparison.Ordinal));
        Assert.Equal(HiTechTexPartners.CiteveId, citeve.Sure?.Id);
        Assert.Equal("Portuguese Textile Cluster / CITEVE", citeve.Sure?.Name);
        Assert.Equal(OrganisationLookupResult.None.Choices, ana.Choices);
        Assert.Null(ana.Sure);
    }
}
