using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Cards;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>
/// Forged submissions of a cluster manager's member form, turn by turn: a value of a type no card input sends was read
/// as "not given" (Save cleared the entry's website, its lists, its listing consent), and a field far beyond its input's
/// maxLength, echoed whole into the form that named it, made a card over 28 KB and the turn's error.
/// </summary>
public sealed class MemberFormForgedValuesTests : IDisposable
{
    private const string ClusterId = "cluster-clutex";
    private readonly PartnerSearchIndex index = new(path: null, NullLogger.Instance);
    private readonly InMemoryPartnerDirectory directory;
    private readonly Organisation member;

    public MemberFormForgedValuesTests()
    {
        member = TestOrganisations.Make("member-0123456789ab", "Nová Textilie s.r.o.", "CZ", "Severovýchod", "Liberec", "cs",
            "Netkané textilie pro filtraci.", [TextileTaxonomy.Nonwovens], [ValueChainStage.Fabric], [PartnerService.TestingLab]) with
        {
            ClusterId = ClusterId,
            Website = "https://nova.example",
            Contacts = [new PartnerContact("Eva Nová", "info@nova.example")],
        };
        directory = new InMemoryPartnerDirectory(index, [member]);
    }

    public void Dispose() => index.Dispose();

    [Fact]
    public async Task Save_TheFormAsSent_Saved()
    {
        var replies = await SaveAsync("en", await FormAsync());

        Assert.Equal("Nová Textilie s.r.o. is saved in the directory.", Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("en", "website", "true")]
    [InlineData("pt", "capabilities", "[\"nonwovens\"]")]
    [InlineData("es", "services", "{}")]
    [InlineData("it", "stages", "7")]
    [InlineData("tr", "consent", "true")]
    [InlineData("cs", "consent", "1")]
    public async Task Save_AFieldOfAWrongType_FormNamesItAndTheEntryIsUnchanged(string language, string field, string forged)
    {
        var form = await FormAsync();
        form[field] = JsonNode.Parse(forged);

        await SaveRefusedNamingAsync(language, form, field);
    }

    [Theory]
    [InlineData("en", "yes")]
    [InlineData("pt", "1")]
    [InlineData("es", "TRUE ")]
    [InlineData("it", "on")]
    [InlineData("tr", "")]
    [InlineData("cs", null)]
    public async Task Save_AConsentTheToggleNeverSends_FormNamesItAndTheConsentIsKept(string language, string? forged)
    {
        // The toggle sends exactly "true" or "false": anything else was read as "false" and withdrew the listing consent.
        var form = await FormAsync();
        if (forged is null)
        {
            form.Remove("consent");
        }
        else
        {
            form["consent"] = forged;
        }

        await SaveRefusedNamingAsync(language, form, "consent");

        Assert.True((await directory.FindAsync(member.Id))!.ListingConsent);
    }

    [Fact]
    public async Task Save_TheToggleOff_ConsentWithdrawn()
    {
        var form = await FormAsync();
        form["consent"] = "false";

        var replies = await SaveAsync("en", form);

        Assert.Equal("Nová Textilie s.r.o. is saved in the directory.", Assert.Single(replies).Text);
        Assert.False((await directory.FindAsync(member.Id))!.ListingConsent);
    }

    [Theory]
    [InlineData("en", "capabilities", "nonwovens,not-a-capability")]
    [InlineData("pt", "capabilities", "stage:fabric")]
    [InlineData("es", "services", "TestingLab,Hotline")]
    [InlineData("it", "services", "0")]
    [InlineData("tr", "stages", "Fabric,42")]
    [InlineData("cs", "stages", "fabric")]
    [InlineData("en", "capabilities", "Nonwovens")]
    [InlineData("pt", "capabilities", "nonwovens,NONWOVENS")]
    [InlineData("es", "services", "testinglab")]
    public async Task Save_AnIdTheChoiceSetDoesNotOffer_FormNamesItAndTheEntryIsUnchanged(string language, string field, string forged)
    {
        // A choice set sends only its own values: an unknown id (a forged or stale card) was dropped and the rest saved,
        // changing the entry in a way the form never showed; an offered id in another case ("Nonwovens") is not one of
        // them either (a capability so was taken where a service or stage so was refused).
        var form = await FormAsync();
        form[field] = forged;
        form["name"] = "Renamed s.r.o.";

        await SaveRefusedNamingAsync(language, form, field);
    }

    [Theory]
    [InlineData("en", "sme")]
    [InlineData("pt", "SME")]
    [InlineData("es", "rto")]
    [InlineData("it", "Sme,Rto")]
    [InlineData("tr", "3")]
    [InlineData("cs", "largecompany")]
    public async Task Save_AKindInAnotherCaseOrNoneTheChoiceSetOffers_FormNamesItAndTheEntryIsUnchanged(string language, string forged)
    {
        // The kind's choice set sends "Sme", "Rto"…: another case is a forged card, refused as the lists refuse "fabric"
        // (the importer, reading a file a person typed, takes any case; a search filter too).
        var form = await FormAsync();
        form["kind"] = forged;
        form["name"] = "Renamed s.r.o.";

        await SaveRefusedNamingAsync(language, form, "kind");
    }

    [Fact]
    public async Task Save_SeveralOfferedIds_AllSaved()
    {
        var form = await FormAsync();
        form["capabilities"] = "nonwovens, " + TextileTaxonomy.Capabilities.First(c => c.Id != TextileTaxonomy.Nonwovens).Id;
        form["services"] = "TestingLab,TestingLab";
        form["stages"] = "";

        var replies = await SaveAsync("en", form);

        Assert.Equal("Nová Textilie s.r.o. is saved in the directory.", Assert.Single(replies).Text);
        var saved = (await directory.FindAsync(member.Id))!;
        Assert.Equal(2, saved.Capabilities.Count);
        Assert.Equal([PartnerService.TestingLab], saved.Services);
        Assert.Empty(saved.Stages);
    }

    [Theory]
    [InlineData("id", "42")]
    [InlineData("version", "[]")]
    public async Task Save_AnIdOrVersionOfAWrongType_SaysTheFormIsUnreadableAndTheEntryIsUnchanged(string field, string forged)
    {
        var form = await FormAsync();
        form[field] = JsonNode.Parse(forged);
        form["name"] = "Renamed s.r.o.";
        var before = JsonSerializer.Serialize(await directory.ListAsync());

        var replies = await SaveAsync("en", form);

        Assert.Equal(PartnerTexts.Resolve("en").MemberFormUnreadable, Assert.Single(replies).Text);
        Assert.Equal(before, JsonSerializer.Serialize(await directory.ListAsync()));
    }

    [Theory]
    [InlineData("en", "description", 4000)]
    [InlineData("pt", "name", 300)]
    [InlineData("es", "city", 100)]
    [InlineData("it", "contactName", 200)]
    [InlineData("tr", "contactEmail", 300)]
    [InlineData("cs", "website", 500)]
    public async Task Save_AFieldOf100000Characters_FormNamesItWithTheValueCutToTheInputsMaxLength(string language, string field, int maxLength)
    {
        var texts = PartnerTexts.Resolve(language);
        var form = await FormAsync();
        // An emoji across the cut: never half of it.
        form[field] = new string('a', maxLength - 1) + "🧵" + new string('b', 100_000);
        var before = JsonSerializer.Serialize(await directory.FindAsync(member.Id));

        var replies = await SaveAsync(language, form);

        var card = Assert.Single(replies).Attachments![0].Content!.Value;
        Assert.Contains(Strings(Assert.Single(replies)), s => s.StartsWith(PartnerTexts.Format(texts.MemberInvalid, "")[..^1], StringComparison.Ordinal));
        Assert.Equal(new string('a', maxLength - 1), CardJson.InputValue(card, field));
        Assert.Equal(before, JsonSerializer.Serialize(await directory.FindAsync(member.Id)));
    }

    [Theory]
    [InlineData("capabilities")]
    [InlineData("country")]
    [InlineData("consent")]
    public async Task Save_AChoiceOf100000CharactersWithAnotherFieldWrong_FormNamesThatFieldAndIsNoTurnError(string field)
    {
        var form = await FormAsync();
        form[field] = new string('x', 100_000);
        form["contactEmail"] = "not-an-email";   // so that the form comes back, with the choice as sent

        var replies = await SaveAsync("en", form);

        var card = Assert.Single(replies).Attachments![0].Content!.Value;
        Assert.Contains("Please check: Contact email", string.Join("\n", Strings(Assert.Single(replies))), StringComparison.Ordinal);
        // Nothing the input could hold: no choice (the inputs show empty), the toggle as the entry has it.
        Assert.Equal(field == "consent" ? "true" : null, CardJson.InputValue(card, field));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("pt", false)]
    [InlineData("es", true)]
    [InlineData("it", false)]
    [InlineData("tr", true)]
    [InlineData("cs", false)]
    public async Task Save_AForgedConsentYesAndAnUnknownCapability_FormShowsTheStoredConsentAndOnlyOfferedChoices(string language, bool storedConsent)
    {
        var stored = (await directory.FindVersionedAsync(member.Id))!;
        Assert.True(await directory.UpsertIfVersionAsync(member with { ListingConsent = storedConsent }, stored.Version));
        var form = await FormAsync();
        form["consent"] = "yes";
        form["capabilities"] = TextileTaxonomy.Nonwovens + ",not-a-capability";
        var before = JsonSerializer.Serialize(await directory.FindAsync(member.Id));

        var replies = await SaveAsync(language, form);

        // "yes" is neither the toggle's "true" nor its "false": echoed, Teams showed it off, and a second Save without
        // looking withdrew the consent. The form shows what the entry says, and the choice set only what it offers.
        var texts = PartnerTexts.Resolve(language);
        var reply = Assert.Single(replies);
        var card = reply.Attachments![0].Content!.Value;
        Assert.Contains(PartnerTexts.Format(texts.MemberInvalid, texts.CapabilityLabel + ", " + texts.ConsentLabel), Strings(reply));
        Assert.Equal(storedConsent ? "true" : "false", CardJson.InputValue(card, "consent"));
        Assert.Equal(TextileTaxonomy.Nonwovens, CardJson.InputValue(card, "capabilities"));
        Assert.Equal(before, JsonSerializer.Serialize(await directory.FindAsync(member.Id)));
    }

    /// <summary>The edit form of the member as Teams sends it back with Save.</summary>
    private async Task<JsonObject> FormAsync() => new()
    {
        ["action"] = PartnerMemberEditor.SaveAction,
        ["id"] = member.Id,
        ["version"] = (await directory.FindVersionedAsync(member.Id))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["name"] = member.Name,
        ["clusterId"] = ClusterId,
        ["kind"] = "Sme",
        ["country"] = "CZ",
        ["region"] = member.Region,
        ["city"] = member.City,
        ["website"] = member.Website,
        ["description"] = member.Description,
        ["language"] = "cs",
        ["capabilities"] = TextileTaxonomy.Nonwovens,
        ["services"] = nameof(PartnerService.TestingLab),
        ["stages"] = nameof(ValueChainStage.Fabric),
        ["contactName"] = "Eva Nová",
        ["contactEmail"] = "info@nova.example",
        ["consent"] = "true",
    };

    /// <summary>Saves <paramref name="form"/>: the form comes back naming <paramref name="field"/>, and the entry is unchanged.</summary>
    private async Task SaveRefusedNamingAsync(string language, JsonObject form, string field)
    {
        var texts = PartnerTexts.Resolve(language);
        var before = JsonSerializer.Serialize(await directory.FindAsync(member.Id));

        var replies = await SaveAsync(language, form);

        var label = field switch
        {
            "website" => texts.Website,
            "kind" => texts.KindLabel,
            "capabilities" => texts.CapabilityLabel,
            "services" => texts.ServiceLabel,
            "stages" => texts.StageLabel,
            "consent" => texts.ConsentLabel,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
        Assert.Contains(PartnerTexts.Format(texts.MemberInvalid, label), Strings(Assert.Single(replies)));
        Assert.Equal(before, JsonSerializer.Serialize(await directory.FindAsync(member.Id)));
    }

    private async Task<IReadOnlyList<Activity>> SaveAsync(string language, JsonObject form)
    {
        var editor = new PartnerMemberEditor(directory, new ManagerOf(ClusterId), new CardRenderer(new CardTemplateStore()),
            new FakeTimeProvider(TestOrganisations.Updated.AddDays(1)), NullLogger<PartnerMemberEditor>.Instance);
        var adapter = new TestAdapter((turn, cancellationToken) =>
            editor.HandleAsync(turn, PartnerTexts.Resolve(language), PartnerMemberEditor.SaveAction, CardInput.DataOf(turn.Activity), cancellationToken));

        await adapter.ProcessActivityAsync(adapter.MakeSubmit(JsonSerializer.SerializeToElement(form)));

        return [.. adapter.Replies];
    }

    /// <summary>Everyone manages <paramref name="clusterId"/>.</summary>
    private sealed class ManagerOf(string clusterId) : IRoleService
    {
        public UserRoles GetRoles(string? aadObjectId) => new([clusterId], false);

        public bool IsClusterManagerOf(string? aadObjectId, string organisationId) => string.Equals(organisationId, clusterId, StringComparison.OrdinalIgnoreCase);

        public bool IsCoordinator(string? aadObjectId) => false;
    }

    /// <summary>The reply's text and the texts of its card.</summary>
    private static List<string> Strings(Activity reply) =>
        [.. new[] { reply.Text }.OfType<string>(), .. (reply.Attachments ?? []).SelectMany(a => a.Content is { } card ? CardJson.Texts(card) : Enumerable.Empty<string>())];
}
