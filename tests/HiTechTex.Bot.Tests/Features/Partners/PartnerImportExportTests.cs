using System.Text.Json;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>The import/export verbs: every bad record reported with its line and reason, nothing half-imported, round trips.</summary>
public sealed class PartnerImportExportTests : IDisposable
{
    private const string Header = "id,name,kind,country,region,city,latitude,longitude,website,description,descriptionLanguage,capabilities,stages,services,languages,clusterId,contactNames,contactEmails,contactEntraObjectIds,listingConsent,lastUpdated,isDemo";

    // The rule as the import says it: the characters and markers that are refused are named, not only links.
    private const string Rule = "must be one line of plain text: no links or web addresses, none of the characters * _ ~ ` < >, no HTML entity (&...;), no invisible or control characters, and not starting with # - + or \"1.\"";

    private readonly SqliteTestDatabase database = new();
    private readonly ServiceProvider services;
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("htt-partners-io-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public PartnerImportExportTests()
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<SqliteBotDbContext>(o => o.UseSqlite(database.ConnectionString));
        collection.AddScoped<BotDbContext>(sp => sp.GetRequiredService<SqliteBotDbContext>());
        collection.AddSingleton(_ => new PartnerSearchIndex(path: null, NullLogger.Instance));
        collection.AddSingleton<EfPartnerDirectory>();
        collection.AddSingleton(TimeProvider.System);
        services = collection.BuildServiceProvider();
    }

    [Fact]
    public async Task Import_CsvWithBadRows_ReportsEveryLineAndImportsNothing()
    {
        var path = Write("partners.csv",
            Header,
            Row("good-one", "Good One Lda", "Sme", "PT", description: "Tinturaria em Guimarães."),
            Row("bad-kind", "Bad Kind S.L.", "Factory", "ES"),
            Row("good-two", "Good Two s.r.o.", "Rto", "CZ", description: "\"Netkané textilie,\nvícařádkový popis\""),
            Row("bad-mail", "Bad Mail S.r.l.", "Sme", "IT", email: "not-an-email", capabilities: "nonwovens;warp-drive"),
            Row("good-one", "Duplicate Lda", "Sme", "PT"));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 3: kind 'Factory' is not one of", report, StringComparison.Ordinal);
        Assert.Contains("line 6: capability 'warp-drive' is not in the taxonomy; contact email 'not-an-email' is not an email address", report, StringComparison.Ordinal);
        Assert.Contains("line 7: id 'good-one' appears more than once", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2:", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4:", report, StringComparison.Ordinal);
        Assert.Contains("Nothing imported: 3 bad record(s).", report, StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_KindOrStageAsAListOfNames_ReportedNotReadAsTheMemberOfTheirBitsCombined()
    {
        // Read as enums, "Sme,Rto" was a kind and "Yarn,Fabric" the stage Finishing; a name in any case stays accepted.
        var path = Write("partners.csv",
            Header,
            Row("any-case", "Any Case Lda", "rto", "PT"),
            Row("two-kinds", "Two Kinds Lda", "\"Sme,Rto\"", "PT"),
            Row("two-stages", "Two Stages Lda", "Sme", "PT").Replace(",Fabric,TestingLab,", ",\"Yarn,Fabric\",TestingLab,", StringComparison.Ordinal));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.DoesNotContain("line 2:", report, StringComparison.Ordinal);
        Assert.Contains("line 3: kind 'Sme,Rto' is not one of", report, StringComparison.Ordinal);
        Assert.Contains("line 4: stage 'Yarn,Fabric' is not one of", report, StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_NameCityRegionOrContactWithLinkOrSeveralLines_ReportsEveryLineAndImportsNothing()
    {
        var path = Write("partners.csv",
            Header,
            Row("phish-name", "[Click to verify your account](https://evil.example/phish)", "Sme", "PT"),
            Row("phish-city", "Braga Lda", "Sme", "PT").Replace(",Braga,", ",[Braga](https://evil.example),", StringComparison.Ordinal),
            Row("two-lines", "\"Two\nLines Lda\"", "Sme", "PT").Replace(",Norte,", ",www.norte.example,", StringComparison.Ordinal),
            Row("phish-contact", "Contact Lda", "Sme", "PT").Replace(",Ana,", ",Ana (https://evil.example),", StringComparison.Ordinal));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 2: name " + Rule, report, StringComparison.Ordinal);
        Assert.Contains("line 3: city " + Rule, report, StringComparison.Ordinal);
        Assert.Contains("line 4: name " + Rule + "; region " + Rule, report, StringComparison.Ordinal);
        Assert.Contains("line 6: contact name 'Ana (https://evil.example)' " + Rule, report, StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_ContactNameThatIsNoPersonsName_ReportsEachLineWithItsReasonAndImportsNothing()
    {
        // A contact's name goes on introduction cards and into the managers' exports, like a profile's name.
        var path = Write("partners.csv",
            Header,
            Row("formula", "Formula Lda", "Sme", "PT").Replace(",Ana,", ",\"=HYPERLINK(\"\"https://evil.example\"\",\"\"Ana\"\")\",", StringComparison.Ordinal),
            Row("mention", "Mention Lda", "Sme", "PT").Replace(",Ana,", ",@everyone,", StringComparison.Ordinal),
            Row("bare-site", "Bare Site Lda", "Sme", "PT").Replace(",Ana,", ",Ana evil.com/login,", StringComparison.Ordinal),
            Row("mail", "Mail Lda", "Sme", "PT").Replace(",Ana,", ",ana@evil.example,", StringComparison.Ordinal),
            Row("plus", "Plus Lda", "Sme", "PT").Replace(",Ana,", ",+351 Ana,", StringComparison.Ordinal),
            Row("own-address", "Own Address Lda", "Sme", "PT").Replace(",Ana,", ",info@x.example,", StringComparison.Ordinal),
            Row("real-name", "Real Name Lda", "Sme", "PT").Replace(",Ana,", ",Dr. J. O'Brien-Silva,", StringComparison.Ordinal));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 2: contact name '=HYPERLINK(\"https://evil.example\",\"Ana\")' ", report, StringComparison.Ordinal);
        Assert.Contains("line 3: contact name '@everyone' is not a person's name: it starts with =, +, - or @", report, StringComparison.Ordinal);
        Assert.Contains("line 4: contact name 'Ana evil.com/login' is not a person's name: it is or holds a web address", report, StringComparison.Ordinal);
        Assert.Contains("line 5: contact name 'ana@evil.example' is not a person's name: it holds an e-mail address (addresses go in contactEmails)", report, StringComparison.Ordinal);
        Assert.Contains("line 6: contact name '+351 Ana' is not a person's name: it starts with =, +, - or @", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 7:", report, StringComparison.Ordinal);   // the contact's own address: what a contact without a name is exported with
        Assert.DoesNotContain("line 8:", report, StringComparison.Ordinal);
        Assert.Contains("Nothing imported: 5 bad record(s).", report, StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_NameWithMarkdownOrAListMarker_ErrorNamesTheRefusedCharacters()
    {
        var path = Write("partners.csv",
            Header,
            Row("bold-name", "Braga *Têxteis* Lda", "Sme", "PT"),
            Row("list-name", "- Braga Lda", "Sme", "PT"));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 2: name " + Rule, report, StringComparison.Ordinal);
        Assert.Contains("line 3: name " + Rule, report, StringComparison.Ordinal);
        Assert.Contains("* _ ~ ` < >", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ContactEmailNotOnePlainAddress_ReportsTheLine()
    {
        var path = Write("partners.csv",
            Header,
            Row("display-name", "Display Name Lda", "Sme", "PT", email: "\"Mallory <m@x.example>\""),
            Row("no-dot", "No Dot Lda", "Sme", "PT", email: "a@b"),
            Row("quoted", "Quoted Lda", "Sme", "PT", email: "\"\"\"x y\"\"@b.example\""),
            Row("good", "Good Lda", "Sme", "PT", email: "ana.silva@good.example"));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 2: contact email 'Mallory <m@x.example>' is not an email address", report, StringComparison.Ordinal);
        Assert.Contains("line 3: contact email 'a@b' is not an email address", report, StringComparison.Ordinal);
        Assert.Contains("line 4: contact email '\"x y\"@b.example' is not an email address", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 5:", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ContactNamesOrIdsNotOnePerAddress_ReportsTheLine()
    {
        var path = Write("partners.csv",
            Header,
            Row("three-names", "Three Names Lda", "Sme", "PT", email: "ana@x.example;rui@x.example").Replace(",Ana,", ",Ana;Rui;Eva,", StringComparison.Ordinal),
            Row("semicolon", "Semicolon Lda", "Sme", "PT").Replace(",Ana,", ",Silva; Ana,", StringComparison.Ordinal),
            Row("two-ids", "Two Ids Lda", "Sme", "PT").Replace(",6f1c2b4e-0000-4000-8000-000000000001,", ",6f1c2b4e-0000-4000-8000-000000000001;6f1c2b4e-0000-4000-8000-000000000002,", StringComparison.Ordinal),
            Row("pairs", "Pairs Lda", "Sme", "PT", email: "ana@x.example;rui@x.example")
                .Replace(",Ana,", ",Ana;Rui,", StringComparison.Ordinal).Replace(",6f1c2b4e-0000-4000-8000-000000000001,", ",;6f1c2b4e-0000-4000-8000-000000000001,", StringComparison.Ordinal));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 2: contactNames has 3 name(s) for 2 contactEmails", report, StringComparison.Ordinal);
        Assert.Contains("line 3: contactNames has 2 name(s) for 1 contactEmails", report, StringComparison.Ordinal);
        Assert.Contains("line 4: contactEntraObjectIds has 2 id(s) for 1 contactEmails", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 5:", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ValidCsv_ImportsAllInOneGoAndIndexesThem()
    {
        var path = Write("partners.csv",
            Header,
            Row("good-one", "Good One Lda", "Sme", "PT", description: "Tinturaria em Guimarães."),
            Row("good-two", "Good Two s.r.o.", "Rto", "CZ", description: "\"Netkané textilie,\nvícařádkový popis\""));

        var exit = await RunAsync("import", path);

        Assert.Equal(0, exit);
        Assert.Contains("Imported 2 organisations", output.ToString(), StringComparison.Ordinal);
        var two = await PartnerDirectory().FindAsync("good-two");
        Assert.Equal("Netkané textilie,\nvícařádkový popis", two?.Description);
        Assert.Equal([TextileTaxonomy.Nonwovens], two?.Capabilities);
        Assert.Equal([PartnerService.TestingLab], two?.Services);
        Assert.Equal("6f1c2b4e-0000-4000-8000-000000000001", two?.Contacts.Single().EntraObjectId);
        Assert.Contains("good-two", services.GetRequiredService<PartnerSearchIndex>().Search(new PartnerSearchQuery("netkané")).Hits.Select(h => h.OrganisationId));
    }

    [Fact]
    public async Task Import_JsonWithABadRecord_ReportsItsLine()
    {
        var path = Write("partners.json",
            "[",
            """  { "id": "json-one", "name": "Json One", "kind": "Sme", "country": "TR", "region": "Aegean", "city": "Denizli", "description": "Havlu.", "descriptionLanguage": "tr", "contactEmails": ["a@b.example"], "listingConsent": true },""",
            "  {",
            """    "id": "json-two", "kind": "Sme", "country": "TR", "region": "Aegean", "city": "Denizli", "description": "Havlu.", "descriptionLanguage": "tr",""",
            """    "contactEmails": ["a@b.example"], "listingConsent": "maybe", "colour": "red" }""",
            "]");

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        var report = error.ToString();
        Assert.Contains("line 3: unknown property 'colour'; name is required; listingConsent 'maybe' is not true or false", report, StringComparison.Ordinal);
        Assert.Null(await PartnerDirectory().FindAsync("json-one"));
    }

    [Theory]
    [InlineData("out.csv")]
    [InlineData("out.json")]
    public async Task ExportThenRead_SeedOrganisations_RoundTripsEveryField(string fileName)
    {
        var seed = HiTechTexPartners.All.Concat(DemoOrganisationGenerator.Generate(12)).ToList();
        await PartnerDirectory().ImportAsync(seed);
        var path = Path.Combine(folder, fileName);

        var exit = await RunAsync("export", path);
        var (read, errors) = await PartnerFiles.ReadAsync(path, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Equal(
            seed.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => JsonSerializer.Serialize(o)),
            read.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => JsonSerializer.Serialize(o)));
    }

    [Fact]
    public async Task Export_EmptyDirectory_SaysWhyAndHowToFillIt()
    {
        var path = Path.Combine(folder, "empty.csv");

        var exit = await RunAsync("export", path);

        Assert.Equal(0, exit);
        Assert.Contains("Exported 0 organisations", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("seeded when the bot starts", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "partners.xlsx")]
    public async Task Run_WrongArguments_ExitCode2(params string[] args)
    {
        var exit = await PartnerCommandLine.RunAsync(services, args, output, error);

        Assert.Equal(2, exit);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Import")]
    [InlineData("EXPORT")]
    public async Task Run_VerbInAnyLetterCase_IsTheCommand(string verb)
    {
        var path = verb.Equals("import", StringComparison.OrdinalIgnoreCase)
            ? Write("partners.csv", Header, Row("good-one", "Good One Lda", "Sme", "PT"))
            : Path.Combine(folder, "out.csv");

        var exit = await PartnerCommandLine.RunAsync(services, ["--", verb, path], output, error);

        Assert.Equal(0, exit);
        Assert.True(PartnerCommandLine.IsCommand(["--", verb, path]));
    }

    [Theory]
    [InlineData("imprt", "x.csv")]
    [InlineData("serve")]
    public async Task Run_UnknownCommand_IsNamedWithTheUsageInsteadOfStartingTheBot(params string[] args)
    {
        Assert.True(PartnerCommandLine.IsCommand(args));

        var exit = await PartnerCommandLine.RunAsync(services, args, output, error);

        Assert.Equal(2, exit);
        Assert.Contains($"unknown command '{args[0]}'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("Database:Provider=Sqlite")]
    [InlineData("--")]
    public void IsCommand_NoArgumentsOptionsOrConfigurationValues_StartTheBot(params string[] args) =>
        Assert.False(PartnerCommandLine.IsCommand(args));

    [Fact]
    public async Task Export_IntoAFolderThatDoesNotExist_OneLineAndExitCode2()
    {
        var path = Path.Combine(folder, "no-such-folder", "out.csv");

        var exit = await RunAsync("export", path);

        Assert.Equal(2, exit);
        Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Trim().Split('\n'));
    }

    [Fact]
    public async Task Import_Windows1252File_RefusedWithTheLineAndNothingImported()
    {
        // Excel's plain "CSV" is Windows-1252: read as UTF-8 its accented letters would become U+FFFD for good.
        var path = Path.Combine(folder, "latin1.csv");
        var text = string.Join('\n', Header, Row("good-one", "Good One Lda", "Sme", "PT", description: "Dyeing."), Row("latin-1", "Tèxtils Pérez S.L.", "Sme", "ES")) + "\n";
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        Assert.Contains("line 3: the file is not UTF-8 text", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Import_Utf8WithOrWithoutByteOrderMark_KeepsTheAccents(bool byteOrderMark)
    {
        var path = Path.Combine(folder, "utf8.csv");
        var text = string.Join('\n', Header, Row("utf-8", "Tèxtils Pérez S.L.", "Sme", "ES")) + "\n";
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(byteOrderMark));

        var exit = await RunAsync("import", path);

        Assert.Equal(0, exit);
        Assert.Equal("Tèxtils Pérez S.L.", Assert.Single(await PartnerDirectory().ListAsync()).Name);
    }

    [Fact]
    public async Task Import_SemicolonSeparatedWithDecimalCommasAndEmptyRows_AsExcelSavesCsvInEuropeanLocales_ImportsEveryField()
    {
        // Excel in pt, es, it, cs and tr saves "CSV UTF-8" with ';' between the fields (the list separator where the
        // decimal comma is) and the coordinates with a decimal comma; a list field holding ';' is quoted.
        var path = Path.Combine(folder, "excel-pt.csv");
        var text = string.Join("\r\n",
            Header.Replace(',', ';'),
            "pt-tex;Têxteis do Ave Lda;Sme;PT;Norte;Guimarães;41,44;-8,29;https://pt-tex.example;Fiação, tecelagem e tinturaria.;pt;\"nonwovens;composites\";Fabric;TestingLab;\"pt;en\";hitechtex-citeve;Ana;info@pt-tex.example;;true;2026-11-01T00:00:00Z;false",
            // Rows that were formatted but left empty: Excel writes them as separators only.
            new string(';', 21), new string(';', 21)) + "\r\n";
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(true));

        var exit = await RunAsync("import", path);

        Assert.Equal("", error.ToString());
        Assert.Equal(0, exit);
        var imported = Assert.Single(await PartnerDirectory().ListAsync());
        Assert.Equal(("Têxteis do Ave Lda", "Guimarães", "Fiação, tecelagem e tinturaria."), (imported.Name, imported.City, imported.Description));
        Assert.Equal(new GeoPoint(41.44, -8.29), imported.Location);
        Assert.Equal(["nonwovens", "composites"], imported.Capabilities);
        Assert.Equal(["pt", "en"], imported.Languages);
    }

    [Fact]
    public async Task Import_UnicodeTextFromExcel_Utf16TabSeparated_ImportsEveryField()
    {
        // Excel's "Unicode text": UTF-16 LE with a byte-order mark, fields separated by tabs.
        var path = Path.Combine(folder, "excel-unicode.csv");
        var text = string.Join("\r\n",
            Header.Replace(',', '\t'),
            "cz-tex\tTechnické textilie s.r.o.\tRto\tCZ\tLiberecký kraj\tLiberec\t50,77\t15,06\t\tNetkané textilie; zkušebna.\tcs\tnonwovens\tFabric\tTestingLab\tcs\t\t\tinfo@cz-tex.example\t\ttrue\t\tfalse") + "\r\n";
        File.WriteAllText(path, text, System.Text.Encoding.Unicode);

        var exit = await RunAsync("import", path);

        Assert.Equal("", error.ToString());
        Assert.Equal(0, exit);
        var imported = Assert.Single(await PartnerDirectory().ListAsync());
        Assert.Equal(("Technické textilie s.r.o.", "Netkané textilie; zkušebna."), (imported.Name, imported.Description));
        Assert.Equal(new GeoPoint(50.77, 15.06), imported.Location);
    }

    [Fact]
    public async Task Import_HeaderInAnotherLetterCase_ReadAsTheColumnsItNames()
    {
        // A header retyped in a spreadsheet ("ID", "Name", "ContactEmails") was refused whole: "missing column 'id';
        // unknown column 'ID'; …" for every column.
        var header = string.Join(',', Header.Split(',').Select(c => char.ToUpperInvariant(c[0]) + c[1..]));
        var path = Write("retyped.csv", header.Replace("Id,", "ID,", StringComparison.Ordinal), Row("good-one", "Good One Lda", "Sme", "PT"));

        var exit = await RunAsync("import", path);

        Assert.Equal("", error.ToString());
        Assert.Equal(0, exit);
        Assert.Equal("Good One Lda", Assert.Single(await PartnerDirectory().ListAsync()).Name);
    }

    [Fact]
    public async Task Import_SameColumnTwiceInAnyCase_RefusedNamingItAndNothingImported()
    {
        var path = Write("twice.csv", Header + ",Name", Row("good-one", "Good One Lda", "Sme", "PT") + ",Other Name");

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        Assert.Contains("line 1: column 'name' appears more than once", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_HeaderWithTrailingEmptyColumnNames_AsExcelSavesOnceUsedColumns_ImportsEveryRow()
    {
        // Columns beyond the data that were once used: Excel writes their empty names and empty fields
        // ("…;isDemo;;;"), and the file was refused whole as "unknown column ''".
        var path = Path.Combine(folder, "excel-trailing.csv");
        var text = string.Join("\r\n",
            Header + ",,,",
            Row("good-one", "Good One Lda", "Sme", "PT") + ",,,",
            Row("good-two", "Good Two Lda", "Sme", "PT") + ",",
            new string(',', 24)) + "\r\n";
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(true));

        var exit = await RunAsync("import", path);

        Assert.Equal("", error.ToString());
        Assert.Equal(0, exit);
        Assert.Equal(["Good One Lda", "Good Two Lda"], (await PartnerDirectory().ListAsync()).Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_ValueUnderATrailingEmptyColumnName_ReportsTheLine()
    {
        var path = Write("trailing-value.csv", Header + ",,", Row("good-one", "Good One Lda", "Sme", "PT") + ",,", Row("good-two", "Good Two Lda", "Sme", "PT") + ",,stray");

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        Assert.Contains("line 3: 24 fields where the header has 22", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("line 2:", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_EmptyColumnNameBetweenColumns_StillRefusedWhole()
    {
        var path = Write("gap.csv", Header.Replace(",isDemo", ",,isDemo", StringComparison.Ordinal), Row("good-one", "Good One Lda", "Sme", "PT").Replace(",false", ",,false", StringComparison.Ordinal));

        var exit = await RunAsync("import", path);

        Assert.Equal(1, exit);
        Assert.Contains("line 1: unknown column ''", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await PartnerDirectory().ListAsync());
    }

    [Fact]
    public async Task Import_MoreRecordsThanSqliteHasSqlVariables_ImportsThemAll()
    {
        // 40,000 > 32,766, SQLite's limit of SQL variables in one statement (the import read one per id).
        const int count = 40_000;
        var path = Path.Combine(folder, "large.csv");
        var lines = new List<string>(count + 1) { "id,name,kind,country,region,city,description,descriptionLanguage,contactEmails,listingConsent" };
        lines.AddRange(Enumerable.Range(1, count).Select(i => $"org-{i:D6},Org {i},Sme,PT,Norte,Braga,Tecidos.,pt,info@org{i}.example,true"));
        File.WriteAllLines(path, lines);

        var first = await RunAsync("import", path);
        var second = await RunAsync("import", path);

        Assert.Equal("", error.ToString());
        Assert.Equal((0, 0), (first, second));
        Assert.Equal(count, (await PartnerDirectory().ListAsync()).Count);
        Assert.Equal(count, services.GetRequiredService<PartnerSearchIndex>().Count);
    }

    [Fact]
    public async Task Run_DatabaseFails_OneLineAndExitCode3()
    {
        var path = Write("partners.csv", Header, Row("good-one", "Good One Lda", "Sme", "PT"));
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "PartnerChangeCounter" """);
        }

        var exit = await RunAsync("import", path);

        Assert.Equal(3, exit);
        var report = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.StartsWith("import failed: ", report, StringComparison.Ordinal);
        Assert.Contains("PartnerChangeCounter", report, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Csv_StartsWithAByteOrderMarkForExcelAndImportsBack()
    {
        await PartnerDirectory().ImportAsync([TestOrganisations.Make("pt-tex", "Têxteis do Ave Lda", "PT", "Norte", "Guimarães", "pt", "Fiação.")]);
        var path = Path.Combine(folder, "out.csv");

        var exit = await RunAsync("export", path);
        var bytes = await File.ReadAllBytesAsync(path);
        var (read, errors) = await PartnerFiles.ReadAsync(path, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("Têxteis do Ave Lda", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.Equal("Têxteis do Ave Lda", Assert.Single(read).Name);
    }

    [Fact]
    public async Task ExportThenImport_FieldsThatLookLikeFormulas_NeutralisedInTheFileAndImportedAsTheyWere()
    {
        var original = TestOrganisations.Make("formulas", "@Home Têxteis", "PT", "=Norte", "'=Braga", "pt", "+50% recycled, -20% water") with
        {
            Location = new GeoPoint(41.5, -8.4),
        };
        await PartnerDirectory().ImportAsync([original]);
        var path = Path.Combine(folder, "out.csv");
        await RunAsync("export", path);
        var file = await File.ReadAllTextAsync(path);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.ExecuteSqlRawAsync("""DELETE FROM "PartnerOrganisations" """);
        }

        var exit = await RunAsync("import", path);

        Assert.Contains(",'@Home Têxteis,", file, StringComparison.Ordinal);
        Assert.Contains(",'=Norte,''=Braga,41.5,-8.4,", file, StringComparison.Ordinal);
        Assert.Contains(",\"'+50% recycled, -20% water\",", file, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(await PartnerDirectory().FindAsync("formulas")));
    }

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
        System.IO.Directory.Delete(folder, recursive: true);
    }

    private EfPartnerDirectory PartnerDirectory() => services.GetRequiredService<EfPartnerDirectory>();

    private Task<int> RunAsync(string verb, string path) => PartnerCommandLine.RunAsync(services, [verb, path], output, error);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static string Row(string id, string name, string kind, string country, string description = "Descrição.", string email = "info@x.example", string capabilities = "nonwovens") =>
        $"{id},{name},{kind},{country},Norte,Braga,41.5,-8.4,https://{id}.example,{description},pt,{capabilities},Fabric,TestingLab,pt;en,hitechtex-citeve,Ana,{email},6f1c2b4e-0000-4000-8000-000000000001,true,2026-11-01T00:00:00Z,false";
}
