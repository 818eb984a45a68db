using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Testing.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>The find-partners journey, the message extension and the cluster managers' form through the real host.</summary>
public sealed class FindPartnersJourneyTests : IDisposable
{
    private const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000b0b1";
    private static readonly JsonObject Searcher = PartnerHost.User("29:user-1", "aad-user-1", "Alex Wilber");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task FindPartners_CommandThenFiltersThenDetail_CardsCarryTheJourney()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        // A contact with a Teams account: someone its details card can offer an introduction to (UnreachablePartnerDetailTests).
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Trutnov Geo Lab s.r.o.", contactAadObjectId: "6f1c2b4e-0000-4000-8000-00000000c0c1");
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "najít partnery");
        var filters = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, Searcher, new JsonObject { ["action"] = "partners.search", ["q"] = "geotextiles", ["country"] = "CZ", ["kind"] = "NotAKind", ["skip"] = "0" });
        var results = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, Searcher, new JsonObject { ["action"] = "partners.detail", ["id"] = partner.Id });
        var detail = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, Searcher, new JsonObject { ["action"] = "partners.detail", ["id"] = "../no-such-id" });
        var missing = factory.Connector.SentTo(chat).Last();

        Assert.Contains("partners.search", filters, StringComparison.Ordinal);
        Assert.Contains(partner.Name, results, StringComparison.Ordinal);
        Assert.True(results.Contains("matches: geotextiles", StringComparison.Ordinal), results);
        Assert.Contains("partners.detail", results, StringComparison.Ordinal);
        Assert.Contains("partners.filters", results, StringComparison.Ordinal);
        Assert.Contains("partners.intro.request", detail, StringComparison.Ordinal);
        Assert.Contains("Zkušební laboratoř geotextilií", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(partner.Contacts[0].Email, detail, StringComparison.Ordinal);
        Assert.Equal("That organisation is no longer in the directory.", missing.Text);
    }

    [Fact]
    public async Task FindPartners_FreeTextThenNextPage_ResultsExplainedAndPaged()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, Searcher, "I need a finishing lab in Italy for antimicrobial treatment");
        var results = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, Searcher, new JsonObject { ["action"] = "partners.page", ["q"] = "", ["skip"] = 5 });
        var second = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());

        Assert.True(results.Contains("NTT — Next Technology Tecnotessile", StringComparison.Ordinal), results);
        Assert.Contains("matches: ", results, StringComparison.Ordinal);
        Assert.Contains("Italy", results, StringComparison.Ordinal);
        Assert.True(second.Contains("6–6 of 6", StringComparison.Ordinal), second);
        Assert.Contains("Previous results", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Next results", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeExtensionQuery_QueryAndInitialRun_ResultsWithPreviewsWellWithinFiveSeconds()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Náchod Nonwoven Lab s.r.o.", contactAadObjectId: null);

        var watch = Stopwatch.StartNew();
        var searched = await PartnerHost.QueryAsync(client, new JsonArray(new JsonObject { ["name"] = "query", ["value"] = "nonwovens Liberec" }), skip: 0, count: 5);
        var elapsed = watch.Elapsed;
        var initial = await PartnerHost.QueryAsync(client, new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }), skip: 0, count: 3);

        var result = searched.GetProperty("composeExtension");
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal("list", result.GetProperty("attachmentLayout").GetString());
        var attachments = result.GetProperty("attachments").EnumerateArray().ToList();
        Assert.InRange(attachments.Count, 1, 5);
        foreach (var attachment in attachments)
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
            Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
            Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment.GetProperty("preview").GetProperty("contentType").GetString());
            Assert.False(string.IsNullOrEmpty(attachment.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()));
        }

        Assert.Contains(attachments, a => a.GetProperty("preview").GetProperty("content").GetProperty("title").GetString() == partner.Name);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"answered in {elapsed}");
        Assert.Equal(3, initial.GetProperty("composeExtension").GetProperty("attachments").GetArrayLength());
    }

    [Fact]
    public async Task SearchTextLongerThanTheLimitWithAnEmojiAtTheCut_ChatAndMessageExtension_AnswerWithItsWholeWords()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Náchod Nonwoven Lab s.r.o.", contactAadObjectId: null);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        var chat = Activities.NewConversationId();
        // The text is cut to 200 characters, one word longer than that inside it: at an emoji its first half was kept and
        // the search threw — the filters card's turn failed, the message extension's invoke was a 500 (an error in Teams).
        var oneWord = "a" + string.Concat(Enumerable.Repeat("😀", 150));
        var emojiAtTheCut = "nonwovens " + new string('x', 189) + "🧵 Liberec";

        await PartnerHost.SubmitAsync(client, chat, Searcher, new JsonObject { ["action"] = "partners.search", ["q"] = oneWord, ["skip"] = "0" });
        var replies = factory.Connector.SentTo(chat).ToList();
        var searched = await PartnerHost.QueryAsync(client, new JsonArray(new JsonObject { ["name"] = "query", ["value"] = emojiAtTheCut }), skip: 0, count: PartnerSearchComposeExtension.MaxCount);

        Assert.Equal(2, replies.Count);
        Assert.Equal(PartnerTexts.Resolve("en").NoResults, replies[0].Text);
        Assert.Contains("partners.search", PartnerHost.CardJson(replies[1]), StringComparison.Ordinal);
        var result = searched.GetProperty("composeExtension");
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Contains(partner.Name, result.GetProperty("attachments").EnumerateArray()
            .Select(a => a.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task MemberForm_ManagerSavesOwnMember_ForgedClusterOrEntryChangesNothing()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        var otherCluster = await PartnerHost.AddOrganisationAsync(factory, "Porto Member Lda", contactAadObjectId: null, clusterId: HiTechTexPartners.CiteveId);

        await PartnerHost.MessageAsync(client, chat, manager, "manage members");
        var list = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, manager, Member("", "Nová Textilie s.r.o.", HiTechTexPartners.ClutexId));
        var saved = factory.Connector.SentTo(chat).Last().Text;
        await PartnerHost.SubmitAsync(client, chat, manager, Member("", "Forged Cluster s.r.o.", HiTechTexPartners.CiteveId));
        var forgedCluster = factory.Connector.SentTo(chat).Last().Text;
        await PartnerHost.SubmitAsync(client, chat, manager, Member(otherCluster.Id, "Taken Over s.r.o.", HiTechTexPartners.ClutexId));
        var forgedEntry = factory.Connector.SentTo(chat).Last().Text;
        await PartnerHost.SubmitAsync(client, chat, manager, Member("", "Bad Email s.r.o.", HiTechTexPartners.ClutexId, email: "not-an-email"));
        var invalid = factory.Connector.SentTo(chat).Last();

        var all = await directory.ListAsync();
        Assert.Contains("partners.member.edit", list, StringComparison.Ordinal);
        Assert.Equal("Nová Textilie s.r.o. is saved in the directory.", saved);
        var created = Assert.Single(all, o => o.Name == "Nová Textilie s.r.o.");
        Assert.Equal(HiTechTexPartners.ClutexId, created.ClusterId);
        Assert.Equal([TextileTaxonomy.Nonwovens], created.Capabilities);
        Assert.Equal(new GeoPoint(50.767, 15.056), created.Location);
        Assert.Contains("Only the managers", forgedCluster, StringComparison.Ordinal);
        Assert.Contains("Only the managers", forgedEntry, StringComparison.Ordinal);
        Assert.DoesNotContain(all, o => o.Name is "Forged Cluster s.r.o." or "Taken Over s.r.o." or "Bad Email s.r.o.");
        Assert.Equal(JsonSerializer.Serialize(otherCluster), JsonSerializer.Serialize(await directory.FindAsync(otherCluster.Id)));
        Assert.Contains("Please check: Contact email", PartnerHost.CardJson(invalid), StringComparison.Ordinal);
        Assert.Contains(created.Id, factory.Services.GetRequiredService<PartnerSearchIndex>().Search(new PartnerSearchQuery("Nová Textilie")).Hits.Select(h => h.OrganisationId));
    }

    [Fact]
    public async Task MemberList_ManyMembersWithLongEntries_PagesUnderTheSizeLimitAndSearches()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        var template = await PartnerHost.AddOrganisationAsync(factory, "Template s.r.o.", contactAadObjectId: null);
        await directory.DeleteAsync(template.Id);
        var ids = new List<string>();
        for (var i = 0; i < 55; i++)
        {
            // The longest entries the editor and the import accept, of characters JSON escapes (six characters each).
            var id = $"m{i:D2}-" + new string('x', 96);
            ids.Add(id);
            await directory.UpsertAsync(template with
            {
                Id = id,
                Name = $"{i:D2} " + string.Concat(Enumerable.Repeat("Ž\"<ř&", 60))[..297],
                City = string.Concat(Enumerable.Repeat("Ř\"", 50)),
                Region = i == 42 ? "Hledaný kraj" : "Severovýchod",
            });
        }

        var chat = Activities.NewConversationId();
        await PartnerHost.MessageAsync(client, chat, manager, "manage members");
        var pages = new List<string> { PartnerHost.CardJson(factory.Connector.SentTo(chat).Last()) };
        for (var skip = 10; skip < 60; skip += 10)
        {
            await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.manage", ["query"] = "", ["skip"] = skip.ToString(System.Globalization.CultureInfo.InvariantCulture), ["q"] = "ignored" });
            pages.Add(PartnerHost.CardJson(factory.Connector.SentTo(chat).Last()));
        }

        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.manage", ["search"] = "true", ["q"] = "hledany KRAJ" });
        var found = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.manage", ["search"] = "true", ["q"] = "nothing like this" });
        var none = factory.Connector.SentTo(chat).TakeLast(2).ToList();
        var longQuery = string.Concat(Enumerable.Repeat("Ž\"<ř&", 20));
        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.manage", ["query"] = longQuery, ["skip"] = "10", ["q"] = longQuery });
        var longSearch = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());

        Assert.All(pages, page => Assert.Contains("partners.member.edit", page, StringComparison.Ordinal));
        Assert.Contains("1–10 of 56", pages[0], StringComparison.Ordinal);   // the 55 members and CLUTEX's own entry
        Assert.Contains("51–56 of 56", pages[5], StringComparison.Ordinal);
        Assert.DoesNotContain("Next results", pages[5], StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Single(pages, page => page.Contains(id, StringComparison.Ordinal)));
        Assert.Contains(ids[42], found, StringComparison.Ordinal);
        Assert.Contains("1–1 of 1", found, StringComparison.Ordinal);
        Assert.Equal("None of your members matches that search.", none[0].Text);
        Assert.Contains("Add a member", PartnerHost.CardJson(none[1]), StringComparison.Ordinal);
        Assert.Contains("of 55", longSearch, StringComparison.Ordinal);
        Assert.Contains(HiTechTexPartners.ClutexId, string.Join('\n', pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberForm_AddMember_FieldsAreEmptyNotTemplateText()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();

        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.member.edit", ["id"] = "" });
        var form = factory.Connector.SentTo(chat).Last();

        var card = PartnerHost.CardJson(form);
        Assert.Contains("partners.member.save", card, StringComparison.Ordinal);
        Assert.DoesNotContain("${", card, StringComparison.Ordinal);
        var inputs = form.Attachments![0].Content!.Value.GetProperty("body").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "Input.Text")
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("value").GetString());
        Assert.All(inputs.Values, value => Assert.Equal("", value));
        Assert.Equal(7, inputs.Count);
    }

    [Fact]
    public async Task MemberForm_NameRegionCityOrContactWithLinkOrSeveralLines_RefusedWithTheRuleAndNothingSaved()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        var before = (await directory.ListAsync()).Count;

        var phishName = Member("", "[Click to verify your account](https://evil.example/phish)", HiTechTexPartners.ClutexId);
        await PartnerHost.SubmitAsync(client, chat, manager, phishName);
        var name = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        var phishPlace = Member("", "Place Phish s.r.o.", HiTechTexPartners.ClutexId);
        phishPlace["city"] = "[Liberec](https://evil.example)";
        phishPlace["region"] = "Sever\nwww.evil.example";
        phishPlace["contactName"] = "Eva\nNová";
        await PartnerHost.SubmitAsync(client, chat, manager, phishPlace);
        var place = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());

        Assert.Contains("Please check: Name. Name, region, city and contact name are shown to everyone as plain text: one line, without links or web addresses, without the characters", name, StringComparison.Ordinal);
        Assert.Contains("Please check: Region, City, Contact name. Name, region", place, StringComparison.Ordinal);
        Assert.Equal(before, (await directory.ListAsync()).Count);
    }

    [Fact]
    public async Task MemberForm_AskedInAGroupChat_MovesToTheManagersOneToOneChatAndNothingIsShownToTheGroup()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var member = await PartnerHost.AddOrganisationAsync(factory, "Skupinová Textilie s.r.o.", contactAadObjectId: null);
        var personal = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, personal, manager);
        const string group = "19:members-group@thread.v2";

        await InGroupAsync(new JsonObject { ["text"] = "manage members" });
        await InGroupAsync(new JsonObject { ["value"] = new JsonObject { ["action"] = "partners.member.edit", ["id"] = member.Id } });

        var notes = factory.Connector.SentTo(group);
        Assert.Equal(2, notes.Count);
        Assert.All(notes, note => Assert.StartsWith("<at>Petr Manager</at> I've sent you a private message", note.Text, StringComparison.Ordinal));
        Assert.All(notes, note => Assert.Empty(note.Attachments ?? []));
        var moved = factory.Connector.SentTo(personal).Select(PartnerHost.CardJson).Where(c => c.Length > 0).ToList();
        Assert.Equal(2, moved.Count);
        Assert.Contains("\"text\":\"manage members\"", moved[0], StringComparison.Ordinal);
        Assert.Contains(member.Id, moved[1], StringComparison.Ordinal);
        Assert.DoesNotContain(member.Contacts[0].Email, string.Join('\n', moved), StringComparison.Ordinal);
        Assert.Contains(PartnerTexts.Format(PartnerTexts.English.HandOffMemberFormat, member.Name), moved[1], StringComparison.Ordinal);

        // A Save clicked in the group (an old group card, or forged) is not replayed in the 1:1 chat: its Continue opens
        // the entry's form, and nothing is written before the manager sees it.
        await InGroupAsync(new JsonObject { ["value"] = new JsonObject { ["action"] = "partners.member.save", ["id"] = member.Id, ["name"] = "Renamed From The Group" } });
        var saveHandOff = factory.Connector.SentTo(personal).Select(PartnerHost.CardJson).Last(c => c.Length > 0);
        Assert.Contains(PartnerTexts.Format(PartnerTexts.English.HandOffMemberFormat, member.Name), saveHandOff, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"partners.member.edit\"", saveHandOff, StringComparison.Ordinal);
        Assert.DoesNotContain("partners.member.save", saveHandOff, StringComparison.Ordinal);
        Assert.DoesNotContain("Renamed From The Group", saveHandOff, StringComparison.Ordinal);
        Assert.Equal(member.Name, (await factory.Services.GetRequiredService<IPartnerDirectory>().FindAsync(member.Id))!.Name);

        async Task InGroupAsync(JsonObject fields)
        {
            var activity = Activities.Base("message", group, a =>
            {
                a["from"] = manager.DeepClone();
                a["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };
                foreach (var (key, value) in fields)
                {
                    a[key] = value?.DeepClone();
                }
            });
            using var response = await client.PostActivityAsync(activity);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// A member with no profile who clicked Details on the results another member searched for in a group chat was
    /// asked the first-use questions there; the results card is everyone's, so the click shows the details, as anyone's does.
    /// </summary>
    [Fact]
    public async Task ResultsInAGroup_DetailsClickedBySomeoneWithoutAProfile_ShowsTheDetails_NoFirstUseQuestions()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Geo Lab s.r.o.", contactAadObjectId: null);
        var group = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";
        var newcomer = PartnerHost.User("29:newcomer", "aad-newcomer", "Nina Newcomer");

        var activity = Activities.Base("message", group, a =>
        {
            a["from"] = newcomer.DeepClone();
            a["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };
            a["value"] = new JsonObject { ["action"] = "partners.detail", ["id"] = partner.Id };
        });
        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();

        var sent = factory.Connector.SentTo(group);
        var detail = PartnerHost.CardJson(Assert.Single(sent));
        Assert.Contains(partner.Name, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, a => (a.Text ?? "").Contains("Shall I call you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemberForm_ContactEmailReplaced_OldContactsTeamsIdentityDropped()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        const string OldContactAad = "6f1c2b4e-0000-4000-8000-0000000000c1";
        var kept = await PartnerHost.AddOrganisationAsync(factory, "Kept Contact s.r.o.", OldContactAad);
        var replaced = await PartnerHost.AddOrganisationAsync(factory, "Replaced Contact s.r.o.", OldContactAad);
        var chat = Activities.NewConversationId();

        await PartnerHost.SubmitAsync(client, chat, manager, Member(kept.Id, kept.Name, HiTechTexPartners.ClutexId, email: kept.Contacts[0].Email.ToUpperInvariant(), version: await VersionAsync(directory, kept.Id)));
        await PartnerHost.SubmitAsync(client, chat, manager, Member(replaced.Id, replaced.Name, HiTechTexPartners.ClutexId, email: "new.person@replaced.example", version: await VersionAsync(directory, replaced.Id)));

        Assert.Equal(OldContactAad, (await directory.FindAsync(kept.Id))!.Contacts[0].EntraObjectId);
        var contact = (await directory.FindAsync(replaced.Id))!.Contacts[0];
        Assert.Equal("new.person@replaced.example", contact.Email);
        Assert.Null(contact.EntraObjectId);
    }

    [Fact]
    public async Task MemberForm_DoubleClickOnAddOrEdit_OneEntryAndAStaleFormChangesNothing()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        var chat = Activities.NewConversationId();
        var edited = await PartnerHost.AddOrganisationAsync(factory, "Edited Twice s.r.o.", contactAadObjectId: null);

        // The add form, clicked twice.
        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.member.edit", ["id"] = "" });
        var addSave = SaveData(factory.Connector.SentTo(chat).Last());
        var add = Member(addSave["id"]!.GetValue<string>(), "Dvojklik s.r.o.", HiTechTexPartners.ClutexId, version: addSave["version"]!.GetValue<string>());
        await PartnerHost.SubmitAsync(client, chat, manager, add.DeepClone().AsObject());
        await PartnerHost.SubmitAsync(client, chat, manager, add.DeepClone().AsObject());
        var addAnswers = factory.Connector.SentTo(chat).TakeLast(2).Select(a => a.Text).ToList();
        add["description"] = "Changed after it was saved.";
        await PartnerHost.SubmitAsync(client, chat, manager, add.DeepClone().AsObject());
        var addedAgain = factory.Connector.SentTo(chat).Last().Text;

        // Two edit forms of the same entry: the first saved twice (a double click), the second one stale.
        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.member.edit", ["id"] = edited.Id });
        var editSave = SaveData(factory.Connector.SentTo(chat).Last());
        var first = Member(edited.Id, "Edited Once s.r.o.", HiTechTexPartners.ClutexId, version: editSave["version"]!.GetValue<string>());
        var stale = Member(edited.Id, "Stale Overwrite s.r.o.", HiTechTexPartners.ClutexId, version: editSave["version"]!.GetValue<string>());
        await PartnerHost.SubmitAsync(client, chat, manager, first.DeepClone().AsObject());
        await PartnerHost.SubmitAsync(client, chat, manager, first.DeepClone().AsObject());
        var editAnswers = factory.Connector.SentTo(chat).TakeLast(2).Select(a => a.Text).ToList();
        await PartnerHost.SubmitAsync(client, chat, manager, stale.DeepClone().AsObject());
        var staleAnswer = factory.Connector.SentTo(chat).Last().Text;
        var forged = Member(edited.Id, "Forged Version s.r.o.", HiTechTexPartners.ClutexId, version: "not-a-number");
        await PartnerHost.SubmitAsync(client, chat, manager, forged.DeepClone().AsObject());
        var forgedAnswer = factory.Connector.SentTo(chat).Last().Text;

        var all = await directory.ListAsync();
        var added = Assert.Single(all, o => o.Name == "Dvojklik s.r.o.");
        Assert.Equal(addSave["id"]!.GetValue<string>(), added.Id);
        Assert.Equal("", addSave["version"]!.GetValue<string>());
        Assert.Equal("Netkané textilie pro filtraci.", added.Description);
        Assert.All(addAnswers, a => Assert.Equal("Dvojklik s.r.o. is saved in the directory.", a));
        Assert.Equal("Dvojklik s.r.o. was already added from this form. To change it, open it from the member list.", addedAgain);
        Assert.All(editAnswers, a => Assert.Equal("Edited Once s.r.o. is saved in the directory.", a));
        Assert.StartsWith("Stale Overwrite s.r.o. was changed by someone else after this form was opened", staleAnswer, StringComparison.Ordinal);
        Assert.Equal("This form could not be read, so nothing was saved. Please open the entry again from the member list.", forgedAnswer);
        Assert.Equal("Edited Once s.r.o.", (await directory.FindAsync(edited.Id))!.Name);
    }

    /// <summary>The data of the form's Save button.</summary>
    private static JsonObject SaveData(HiTechTex.Bot.Protocol.Schema.Activity form) =>
        JsonNode.Parse(PartnerHost.CardJson(form))!["actions"]![0]!["data"]!.AsObject();

    [Fact]
    public async Task MemberForm_ClusterOwnEntryAndClusterIdInAnotherCase_EditableByItsManagerAndStoredCanonically()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();
        var chat = Activities.NewConversationId();

        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.member.edit", ["id"] = HiTechTexPartners.ClutexId });
        var form = factory.Connector.SentTo(chat).Last();
        var save = SaveData(form);
        var own = Member(HiTechTexPartners.ClutexId, "CLUTEX — Klastr Technické Textilie", "some-other-cluster", version: save["version"]!.GetValue<string>());
        await PartnerHost.SubmitAsync(client, chat, manager, own);
        var ownSaved = factory.Connector.SentTo(chat).Last().Text;
        await PartnerHost.SubmitAsync(client, chat, manager, Member("", "Velká Písmena s.r.o.", "HITECHTEX-CLUTEX"));

        Assert.Contains("\"value\":\"hitechtex-clutex\"", PartnerHost.CardJson(form), StringComparison.Ordinal);
        Assert.Equal("CLUTEX — Klastr Technické Textilie is saved in the directory.", ownSaved);
        var cluster = (await directory.FindAsync(HiTechTexPartners.ClutexId))!;
        Assert.Null(cluster.ClusterId);
        Assert.Equal("Netkané textilie pro filtraci.", cluster.Description);
        Assert.Equal(HiTechTexPartners.ClutexId, Assert.Single(await directory.ListAsync(), o => o.Name == "Velká Písmena s.r.o.").ClusterId);
    }

    [Theory]
    [InlineData("Mallory <m@x.example>")]
    [InlineData("a@b")]
    [InlineData("\"x y\"@b.example")]
    [InlineData("a@b.c, d@e.f")]
    [InlineData("a@b.example\nb@c.example")]
    public async Task MemberForm_ContactEmailNotOnePlainAddress_Refused(string email)
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();

        await PartnerHost.SubmitAsync(client, chat, manager, Member("", "Adresa s.r.o.", HiTechTexPartners.ClutexId, email: email));

        Assert.Contains("Please check: Contact email.", PartnerHost.CardJson(factory.Connector.SentTo(chat).Last()), StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.Services.GetRequiredService<IPartnerDirectory>().ListAsync(), o => o.Name == "Adresa s.r.o.");
    }

    [Theory]
    [InlineData("en", "=SUM(A1:A9)")]
    [InlineData("pt", "@everyone")]
    [InlineData("es", "Eva evil.com/login")]
    [InlineData("it", "eva@evil.example")]
    [InlineData("tr", "+420 Eva")]
    [InlineData("cs", "evil.com")]
    public async Task MemberForm_ContactNameThatIsNoPersonsName_RefusedWithTheReasonInTheManagersLanguageAndNothingSaved(string language, string contactName)
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX", language);
        var chat = Activities.NewConversationId();
        var member = Member("", "Osoba s.r.o.", HiTechTexPartners.ClutexId);
        member["contactName"] = contactName;
        var texts = PartnerTexts.Resolve(language);
        var issue = NameRule.CheckPerson(contactName);
        var reason = issue switch
        {
            PersonNameIssue.LeadingSymbol => texts.ContactNameStartsWithSymbol,
            PersonNameIssue.WebAddress => texts.ContactNameIsWebAddress,
            _ => texts.ContactNameIsEmailAddress,
        };

        await PartnerHost.SubmitAsync(client, chat, manager, member);

        var card = JsonDocument.Parse(PartnerHost.CardJson(factory.Connector.SentTo(chat).Last()));
        Assert.NotEqual(PersonNameIssue.None, issue);
        Assert.Contains(PartnerTexts.Format(texts.MemberInvalid, texts.ContactNameLabel) + " " + reason, Strings(card.RootElement));
        Assert.DoesNotContain(await factory.Services.GetRequiredService<IPartnerDirectory>().ListAsync(), o => o.Name == "Osoba s.r.o.");
    }

    [Fact]
    public async Task MemberForm_ContactNameOfAPersonOrTheContactsOwnAddress_Saved()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();
        var person = Member("", "Osoba s.r.o.", HiTechTexPartners.ClutexId);
        person["contactName"] = "Dr. J. O'Brien-Nová";
        // An entry imported without contact names shows the address as the name: editing it keeps working.
        var address = Member("", "Adresa Kontakt s.r.o.", HiTechTexPartners.ClutexId, email: "info@adresa.example");
        address["contactName"] = "info@adresa.example";

        await PartnerHost.SubmitAsync(client, chat, manager, person);
        await PartnerHost.SubmitAsync(client, chat, manager, address);

        var saved = await factory.Services.GetRequiredService<IPartnerDirectory>().ListAsync();
        Assert.Equal("Dr. J. O'Brien-Nová", saved.Single(o => o.Name == "Osoba s.r.o.").Contacts[0].Name);
        Assert.Equal("info@adresa.example", saved.Single(o => o.Name == "Adresa Kontakt s.r.o.").Contacts[0].Name);
    }

    [Fact]
    public async Task MemberForm_ContactNameWithSemicolon_RefusedSaidWhy()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();
        var member = Member("", "Středník s.r.o.", HiTechTexPartners.ClutexId);
        member["contactName"] = "Silva; Ana";

        await PartnerHost.SubmitAsync(client, chat, manager, member);

        Assert.Contains("Please check: Contact name. A contact name cannot contain ';'", PartnerHost.CardJson(factory.Connector.SentTo(chat).Last()), StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.Services.GetRequiredService<IPartnerDirectory>().ListAsync(), o => o.Name == "Středník s.r.o.");
    }

    [Fact]
    public async Task MemberForm_AddEditAndCorrections_HeadingSaysWhichAndDescriptionLanguageIsNamed()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var chat = Activities.NewConversationId();
        var member = await PartnerHost.AddOrganisationAsync(factory, "Liberec Member s.r.o.", contactAadObjectId: null);
        var directory = factory.Services.GetRequiredService<IPartnerDirectory>();

        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.member.edit", ["id"] = "" });
        var addForm = Card(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, manager, new JsonObject { ["action"] = "partners.member.edit", ["id"] = member.Id });
        var editForm = Card(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, manager, Member("", "Bad Email s.r.o.", HiTechTexPartners.ClutexId, email: "not-an-email"));
        var addCorrection = Card(factory.Connector.SentTo(chat).Last());
        await PartnerHost.SubmitAsync(client, chat, manager, Member(member.Id, "Liberec Member s.r.o.", HiTechTexPartners.ClutexId, email: "not-an-email", version: await VersionAsync(directory, member.Id)));
        var editCorrection = Card(factory.Connector.SentTo(chat).Last());

        Assert.Equal("Add a member to your cluster", CardJson.Texts(addForm).First());
        Assert.Equal("Edit a member's entry", CardJson.Texts(editForm).First());
        Assert.Equal("Add a member to your cluster", CardJson.Texts(addCorrection).First());
        Assert.Equal("Edit a member's entry", CardJson.Texts(editCorrection).First());
        var language = CardJson.Elements(editForm).Single(e => e.TryGetProperty("id", out var id) && id.GetString() == "language");
        Assert.Equal("Language of the description", language.GetProperty("label").GetString());
        var choices = language.GetProperty("choices").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("title").GetString());
        Assert.Equal("Čeština", choices["cs"]);
        Assert.Equal("Português", choices["pt"]);
        Assert.Equal(6, choices.Count);
        // The refusal names the rule's characters (* _ ~ ` < >): a TextRun shows them as they are, a TextBlock would read them as Markdown.
        Assert.Contains(CardJson.Elements(editCorrection), e => e.GetProperty("type").GetString() == "TextRun" && e.GetProperty("text").GetString() == "Please check: Contact email.");
    }

    private static JsonElement Card(HiTechTex.Bot.Protocol.Schema.Activity activity) => activity.Attachments![0].Content!.Value;

    [Theory]
    [InlineData("manage members", "en", "Your cluster's members")]
    [InlineData("Gerir membros", "pt", "Os membros do seu cluster")]
    [InlineData("gestionar miembros", "es", "Los miembros de su clúster")]
    [InlineData("gestisci membri", "it", "I membri del tuo cluster")]
    [InlineData("üyeleri yönet", "tr", "Kümenizin üyeleri")]
    [InlineData("/spravovat cleny", "cs", "Členové vašeho klastru")]
    public async Task MemberList_CommandInTheUsersLanguage_OpensTheList(string command, string language, string title)
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX", language);
        var chat = Activities.NewConversationId();

        await PartnerHost.MessageAsync(client, chat, manager, command);

        var card = PartnerHost.CardJson(factory.Connector.SentTo(chat).Last());
        Assert.Contains(title, card, StringComparison.Ordinal);
        Assert.Contains("partners.member.edit", card, StringComparison.Ordinal);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    /// <summary>Every string of a card (its texts as the client shows them, unescaped).</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static async Task<string> VersionAsync(IPartnerDirectory directory, string id) =>
        (await directory.FindVersionedAsync(id))!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Member(string id, string name, string clusterId, string email = "info@nova.example", string version = "") => new()
    {
        ["action"] = "partners.member.save",
        ["id"] = id,
        ["version"] = version,
        ["name"] = name,
        ["clusterId"] = clusterId,
        ["kind"] = "Sme",
        ["country"] = "CZ",
        ["region"] = "Severovýchod",
        ["city"] = "Liberec",
        ["website"] = "https://nova.example",
        ["description"] = "Netkané textilie pro filtraci.",
        ["language"] = "cs",
        ["capabilities"] = "nonwovens",
        ["services"] = "TestingLab",
        ["stages"] = "Fabric",
        ["contactName"] = "Eva Nová",
        ["contactEmail"] = email,
        ["consent"] = "true",
    };
}
