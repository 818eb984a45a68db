using System.Text.Json;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class PartnerQueryTests
{
    [Fact]
    public void FromCardData_TamperedValues_KeepsOnlyKnownOnes()
    {
        var data = JsonSerializer.SerializeToElement(new
        {
            q = new string('x', 500),
            country = "xx",
            kind = "7",
            capability = "warp-drive",
            service = "TestingLab",
            stage = "EndOfLife; DROP TABLE",
            skip = -20,
        });

        var query = PartnerQuery.FromCardData(data);

        Assert.Equal(PartnerQuery.MaxTextLength, query.Q.Length);
        Assert.Equal("", query.Country);
        Assert.Equal("", query.Kind);
        Assert.Equal("", query.Capability);
        Assert.Equal(nameof(PartnerService.TestingLab), query.Service);
        Assert.Equal("", query.Stage);
        Assert.Equal(0, query.Skip);
    }

    [Theory]
    [InlineData("Rto", "TestingLab", "Fabric", "nonwovens")]
    [InlineData("rto", "testinglab", "fabric", "NONWOVENS")]
    [InlineData(" RTO ", "TESTINGLAB ", " FaBrIc", " Nonwovens ")]
    public void FromCardData_FiltersInAnyCaseOrSpaced_AllReadByTheSameRuleAsTheCapability(string kind, string service, string stage, string capability)
    {
        // The capability ignored case while the kind, service and stage were matched exactly: "fabric" was dropped and the
        // search ran without the stage, "NONWOVENS" was kept.
        var data = JsonSerializer.SerializeToElement(new { kind, service, stage, capability });

        var query = PartnerQuery.FromCardData(data);

        Assert.Equal(nameof(OrganisationKind.Rto), query.Kind);
        Assert.Equal(nameof(PartnerService.TestingLab), query.Service);
        Assert.Equal(nameof(ValueChainStage.Fabric), query.Stage);
        Assert.Equal(TextileTaxonomy.Nonwovens, query.Capability);
    }

    [Theory]
    [InlineData("Sme,Rto", "TestingLab,PilotLine", "Yarn,Fabric")]
    [InlineData("3", "1", "2")]
    [InlineData("Rto;", "Lab", "Fabrics")]
    public void FromCardData_ListsNumbersOrUnknownNames_DroppedAsAnUnknownCapabilityIs(string kind, string service, string stage)
    {
        // Read as enums, "Yarn,Fabric" was the stage whose value is their bits combined: Finishing.
        var data = JsonSerializer.SerializeToElement(new { q = "dyeing", kind, service, stage, capability = "warp-drive" });

        var query = PartnerQuery.FromCardData(data);

        Assert.Equal(PartnerQuery.Create("dyeing"), query);
    }

    [Theory]
    [InlineData("""{"q":"dyeing","skip":true}""", "dyeing", 0)]
    [InlineData("""{"q":"dyeing","skip":1e20}""", "dyeing", 0)]
    [InlineData("""{"q":"dyeing","skip":2.5}""", "dyeing", 0)]
    [InlineData("""{"q":"dyeing","skip":"99999999999999"}""", "dyeing", 0)]
    [InlineData("""{"q":"dyeing","skip":[5]}""", "dyeing", 0)]
    [InlineData("""{"q":"dyeing","skip":2147483647}""", "dyeing", 1000)]
    [InlineData("""{"q":{},"skip":{},"country":5,"kind":["Sme"],"capability":null,"except":7}""", "", 0)]
    public void FromCardData_ValuesOfTheWrongType_AreNotGivenOrBounded(string json, string q, int skip)
    {
        // A tampered "more results" button: a value of another JSON type is as if not given, an offset stays bounded.
        using var document = JsonDocument.Parse(json);

        var query = PartnerQuery.FromCardData(document.RootElement);

        Assert.Equal(PartnerQuery.Create(q, skip: skip), query);
    }

    [Fact]
    public void FromCardData_ValidValues_MapToTheSearch()
    {
        var data = JsonSerializer.SerializeToElement(new { q = " nonwovens ", country = "cz", kind = "Rto", capability = "nonwovens", stage = "Fabric", skip = "10" });

        var search = PartnerQuery.FromCardData(data).ToSearch(5);

        Assert.Equal(new PartnerSearchQuery("nonwovens", "CZ", null, OrganisationKind.Rto, "nonwovens", ValueChainStage.Fabric, null, 10, 5), search);
    }

    [Fact]
    public void QueryOf_RecognizedEntities_KeywordsRegionCountryAndKindOnlyWithoutKeywords()
    {
        var entities = new IntentEntities { Keywords = ["finishing", "lab", "antimicrobial"], Country = "IT", Region = "Tuscany", OrganisationKind = "Facility" };

        var query = FindPartnersDialog.QueryOf(entities);

        Assert.Equal("finishing lab antimicrobial Tuscany", query.Q);
        Assert.Equal("IT", query.Country);
        Assert.Equal("", query.Kind);
        Assert.Equal(nameof(OrganisationKind.Rto), FindPartnersDialog.QueryOf(new IntentEntities { OrganisationKind = "RTO", Country = "PT" }).Kind);
        Assert.True(FindPartnersDialog.QueryOf(IntentEntities.Empty).IsEmpty);
    }

    [Fact]
    public void QueryOf_AWordSaidTwice_IsSearchedAndShownOnce()
    {
        // "busco socios de tintura, tintura y estampado" (or a pasted text) was searched and shown as "tintura tintura estampado".
        var entities = new IntentEntities { Keywords = ["tintura", "Tintura", "estampado", " tintura ", "estampado"], Country = "IT" };

        var query = FindPartnersDialog.QueryOf(entities);

        Assert.Equal("tintura estampado", query.Q);
        Assert.Equal("IT", query.Country);
    }

    [Fact]
    public void Create_ALongText_IsCutAtAWordsEnd()
    {
        // A pasted text was cut inside a word ("… tecnici18 st") and kept a trailing space ("“tintura … tintura ”").
        var words = string.Join(' ', Enumerable.Range(0, 60).Select(i => "finishing" + i));

        var query = PartnerQuery.Create(words);

        Assert.True(query.Q.Length <= PartnerQuery.MaxTextLength);
        Assert.StartsWith(query.Q + " ", words, StringComparison.Ordinal);
        Assert.Equal(query.Q.Trim(), query.Q);

        var repeated = PartnerQuery.Create(string.Concat(Enumerable.Repeat("tintura ", 60)));
        Assert.DoesNotMatch(@"\s$", repeated.Q);
        Assert.All(repeated.Q.Split(' '), w => Assert.Equal("tintura", w));
    }

    [Fact]
    public void Create_OneLongWordWithAnEmojiAtTheCut_KeepsThePairWholeAndIsSearchable()
    {
        // A word longer than the limit is cut inside it: at an emoji that cut kept half of it (a lone surrogate), and the
        // index's folding of the text threw — the search card's turn failed.
        var typed = "a" + string.Concat(Enumerable.Repeat("😀", 150));
        using var index = TestOrganisations.IndexOf([TestOrganisations.Make("lab-1", "Prato Finishing Lab", "IT", "Tuscany", "Prato", "it", "Finishing trials.")]);

        var query = PartnerQuery.Create(typed);

        Assert.True(query.Q.Length <= PartnerQuery.MaxTextLength);
        Assert.StartsWith(query.Q, typed, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(query.Q[^1]));
        Assert.Empty(index.Search(query.ToSearch(5)).Hits);
    }
}
