using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// The introduction flow end to end through the host and the fake connector: the request, the proactive card to the
/// partner's contact (or its cluster managers), Accept/Decline by Action.Execute with the card updated for everyone and
/// the requester notified; forged, repeated and stale answers change nothing; the daily limit.
/// </summary>
public sealed class IntroductionFlowTests : IDisposable
{
    private const string ContactAad = "6f1c2b4e-0000-4000-8000-00000000c0a1";
    private const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000a9e1";
    private static readonly JsonObject Requester = PartnerHost.User("29:user-1", "aad-user-1", "Alex Wilber");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public async Task RequestIntroduction_ContactAccepts_CardUpdatedForEveryoneAndRequesterGetsTheContact()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Geo Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");

        await PartnerHost.SubmitAsync(
            client,
            requesterChat,
            Requester,
            new JsonObject
            {
                ["action"] = "partners.intro.request",
                ["id"] = partner.Id,
                ["message"] = "Hello <b>Jana</b>, can we test geotextiles?",
            },
            replyToId: "detail-card-1");

        // The details card the request came from no longer offers a request: it says it was asked for.
        var (replaced, detail) = Assert.Single(factory.Connector.UpdatesIn(requesterChat));
        Assert.Equal("detail-card-1", replaced);
        var detailCard = PartnerHost.CardJson(detail);
        Assert.Contains(PartnerTexts.Resolve("en").IntroductionRequestedNote, detailCard, StringComparison.Ordinal);
        Assert.Contains(partner.Name, detailCard, StringComparison.Ordinal);
        Assert.DoesNotContain("partners.intro.request", detailCard, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Text", detailCard, StringComparison.Ordinal);

        // The contact got the card proactively in their personal chat; the requester was told.
        var toContact = Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);
        var card = JsonDocument.Parse(PartnerHost.CardJson(toContact)).RootElement;
        Assert.Contains("Hello <b>Jana</b>, can we test geotextiles?", PartnerHost.Text(card), StringComparison.Ordinal);
        Assert.Contains(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(card), StringComparison.Ordinal);
        Assert.Contains("29:contact", card.GetProperty("refresh").GetProperty("userIds").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(partner.Contacts[0].Email, PartnerHost.Text(card), StringComparison.Ordinal);
        var introductionId = PartnerHost.FindValue(card, "introductionId")!;
        var sent = factory.Connector.SentTo(requesterChat).Last(a => a.Text is not null);
        Assert.True(sent.Text?.Contains("has been sent", StringComparison.Ordinal) == true, sent.Text);
        Assert.DoesNotContain(partner.Contacts[0].Email, sent.Text, StringComparison.Ordinal);

        // A forged Accept from someone who is not the addressee changes nothing.
        var forged = await PartnerHost.ExecuteAsync(client, requesterChat, Requester, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });
        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, forged.GetProperty("type").GetString());
        Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);
        Assert.Equal(nameof(IntroductionStatus.Pending), await StatusAsync(factory, introductionId));
        var requesterMessages = factory.Connector.SentTo(requesterChat).Count;

        // The contact accepts: the card is replaced for everyone (PUT), the requester gets the contact details.
        var accepted = await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, accepted.GetProperty("type").GetString());
        Assert.Contains("Accepted by Jana Nováková", PartnerHost.Text(accepted.GetProperty("value")), StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(accepted.GetProperty("value")), StringComparison.Ordinal);
        var updated = factory.Connector.SentTo(contactChat).Where(a => a.Attachments?.Count > 0).ToList();
        Assert.Equal(2, updated.Count);
        Assert.Contains("Accepted by Jana Nováková", PartnerHost.CardJson(updated[1]), StringComparison.Ordinal);
        var notice = factory.Connector.SentTo(requesterChat).Last();
        Assert.Equal(requesterMessages + 1, factory.Connector.SentTo(requesterChat).Count);
        Assert.Contains(partner.Contacts[0].Email, notice.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(IntroductionStatus.Accepted), await StatusAsync(factory, introductionId));

        // A double click and a stale Decline change nothing more.
        await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });
        var stale = await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.DeclineVerb, new JsonObject { ["introductionId"] = introductionId });
        Assert.Contains("Accepted by", PartnerHost.Text(stale.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(2, factory.Connector.SentTo(contactChat).Count(a => a.Attachments?.Count > 0));
        Assert.Equal(requesterMessages + 1, factory.Connector.SentTo(requesterChat).Count);
        Assert.Equal(nameof(IntroductionStatus.Accepted), await StatusAsync(factory, introductionId));
    }

    /// <summary>
    /// The message of an introduction request comes in the card's <c>value</c>, JSON, which the host does not HTML-decode
    /// (<see cref="HiTechTex.Bot.Protocol.Turns.InboundText"/>: only a message's <c>text</c> is HTML): stored and put on
    /// the partner's card exactly as submitted, once — "R&amp;D" as "R&amp;D", never escaped again ("R&amp;amp;D") nor
    /// decoded ("&amp;amp;" typed stays "&amp;amp;", "&amp;lt;" stays "&amp;lt;").
    /// </summary>
    [Theory]
    [InlineData("R&D Lab: can we test AT&T's 5 < 7 fibres?")]
    [InlineData("R&amp;D as written, &amp;amp; and &lt;b&gt; too")]
    public async Task RequestIntroduction_MessageWithAmpersandsOrEntities_StoredAndForwardedExactlyAsSubmittedOnce(string message)
    {
        var request = await RequestWithMessageAsync("Liberec Exact Lab s.r.o.", message);
        using var factory = request.Factory;
        var contactChat = request.ContactChat;

        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement;
        Assert.Equal(message, Assert.Single(CardJson.Texts(card), t => t.Contains("R&", StringComparison.Ordinal)));
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().SingleAsync();
        Assert.Equal(message, stored.Message);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("pt-PT", false)]
    [InlineData("tr-TR", true)]
    public async Task Answer_TheRequestersChatFailsForGood_ThePersonWhoAnsweredIsToldToLetThemKnowAnotherWay(string locale, bool accept)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Quiet Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact, locale);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Hello" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement;
        var introductionId = PartnerHost.FindValue(card, "introductionId")!;
        var contactMessages = factory.Connector.SentTo(contactChat).Count;

        // The requester's chat answers 502 whatever is tried (after the connector's own retries).
        factory.Connector.SendFailure = chat => chat == requesterChat ? new ConnectorException(System.Net.HttpStatusCode.BadGateway, null, "bad gateway") : null;
        var answered = await PartnerHost.ExecuteAsync(client, contactChat, contact, accept ? IntroductionCardActionHandler.AcceptVerb : IntroductionCardActionHandler.DeclineVerb, new JsonObject { ["introductionId"] = introductionId });

        // The answer stands; the person who gave it is told, in their language, that the requester could not be told.
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, answered.GetProperty("type").GetString());
        Assert.Equal(accept ? nameof(IntroductionStatus.Accepted) : nameof(IntroductionStatus.Declined), await StatusAsync(factory, introductionId));
        var texts = PartnerTexts.Resolve(locale[..2]);
        var told = factory.Connector.SentTo(contactChat).Skip(contactMessages).Where(a => a.Attachments is not { Count: > 0 }).ToList();
        Assert.Equal(PartnerTexts.Format(texts.AnswerUndelivered, "Alex Wilber (Contoso Textiles)"), Assert.Single(told).Text);
        Assert.Single(factory.Logs.Entries, e => e.EventId == 2199);
    }

    [Fact]
    public async Task Answer_TheRequesterIsTold_NothingMoreForThePersonWhoAnswered()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Loud Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Hello" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement;
        var contactMessages = factory.Connector.SentTo(contactChat).Count;

        await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = PartnerHost.FindValue(card, "introductionId")! });

        Assert.DoesNotContain(factory.Connector.SentTo(contactChat).Skip(contactMessages), a => a.Attachments is not { Count: > 0 });
        Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId == 2199);
    }

    [Fact]
    public async Task Accept_ContactNameStoredBeforeTheRule_TheRequesterIsToldItWithoutItsHiddenCharacters()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var added = await PartnerHost.AddOrganisationAsync(factory, "Liberec Old Entry s.r.o.", ContactAad);
        // Stored before the person-name rule (the import and the form now refuse it): a right-to-left override.
        var partner = added with { Contacts = [added.Contacts[0] with { Name = "Jana \u202Eávokávon" }] };
        await factory.Services.GetRequiredService<IPartnerDirectory>().UpsertAsync(partner);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Hello" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement;
        var introductionId = PartnerHost.FindValue(card, "introductionId")!;

        await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });

        var notice = factory.Connector.SentTo(requesterChat).Last().Text ?? "";
        Assert.Contains($"{NameRule.ForCard(partner.Contacts[0].Name)} <{partner.Contacts[0].Email}>", notice, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', notice);
    }

    [Fact]
    public async Task RequestIntroduction_ClickedInAGroupChat_ContinuesInTheOneToOneChatAndTheGroupIsToldNothingPrivate()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Brno Knit Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, requesterChat, Requester);
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        var texts = PartnerTexts.Resolve("en");
        const string group = "19:textile-buyers@thread.v2";

        var request = Activities.Base("message", group, a =>
        {
            a["from"] = Requester.DeepClone();
            a["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };
            a["value"] = new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Can we knit a sample?" };
            a["replyToId"] = "group-detail-card";
        });
        using (var response = await client.PostActivityAsync(request))
        {
            response.EnsureSuccessStatusCode();
        }

        // The group gets one line for the member that names neither the partner nor the request; nothing is sent yet.
        var note = Assert.Single(factory.Connector.SentTo(group));
        Assert.DoesNotContain(partner.Name, note.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("has been sent", note.Text, StringComparison.Ordinal);
        Assert.Contains(factory.Connector.SentTo(requesterChat), a => a.Attachments?.Count > 0);
        Assert.DoesNotContain(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);
        Assert.Empty(factory.Connector.UpdatesIn(group));

        // The 1:1 card names the partner; its Continue opens the partner's details with the message in the box.
        var handOff = JsonDocument.Parse(PartnerHost.CardJson(factory.Connector.SentTo(requesterChat).Last(a => a.Attachments?.Count > 0))).RootElement;
        Assert.Contains(PartnerTexts.Format(texts.HandOffIntroductionFormat, partner.Name), PartnerHost.Text(handOff), StringComparison.Ordinal);
        var replay = handOff.GetProperty("actions").EnumerateArray().Single().GetProperty("data");
        Assert.Equal("partners.detail", replay.GetProperty("action").GetString());
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, JsonNode.Parse(replay.GetRawText())!.AsObject());
        var detail = JsonDocument.Parse(PartnerHost.CardJson(factory.Connector.SentTo(requesterChat).Last())).RootElement;
        var box = CardJson.Elements(detail).Single(e => e.GetProperty("type").GetString() == "Input.Text" && e.GetProperty("id").GetString() == "message");
        Assert.Equal("Can we knit a sample?", box.GetProperty("value").GetString());
        Assert.DoesNotContain(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);

        // Requested there: confirmed there, and the answer with the contacts comes there too; the group hears nothing more.
        await PartnerHost.SubmitAsync(client, requesterChat, Requester,
            new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Can we knit a sample?" }, replyToId: "private-detail-card");
        Assert.Equal(PartnerTexts.Format(texts.IntroductionSent, partner.Name), factory.Connector.SentTo(requesterChat).Last(a => a.Text is not null).Text);
        var introductionCard = Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);
        var introductionId = PartnerHost.FindValue(JsonDocument.Parse(PartnerHost.CardJson(introductionCard)).RootElement, "introductionId")!;
        await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });

        Assert.Equal(nameof(IntroductionStatus.Accepted), await StatusAsync(factory, introductionId));
        Assert.Contains(factory.Connector.SentTo(requesterChat), a => a.Text?.Contains(partner.Contacts[0].Email, StringComparison.Ordinal) == true);
        Assert.Single(factory.Connector.SentTo(group));
        Assert.Empty(factory.Connector.UpdatesIn(group));
    }

    [Fact]
    public async Task RequestIntroduction_NoTeamsContact_ClusterManagerDecidesAndDeclineGivesNoContact()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Jablonec Nonwovens a.s.", contactAadObjectId: null);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        var managerChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, managerChat, manager);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");

        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Nonwovens for filters?" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(managerChat), a => a.Attachments?.Count > 0))).RootElement;
        var introductionId = PartnerHost.FindValue(card, "introductionId")!;
        var managerView = await PartnerHost.ExecuteAsync(client, managerChat, manager, IntroductionCardActionHandler.RefreshVerb, new JsonObject { ["introductionId"] = introductionId });
        var requesterView = await PartnerHost.ExecuteAsync(client, requesterChat, Requester, IntroductionCardActionHandler.RefreshVerb, new JsonObject { ["introductionId"] = introductionId });
        Assert.Contains(IntroductionCardActionHandler.DeclineVerb, PartnerHost.Text(managerView), StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.DeclineVerb, PartnerHost.Text(requesterView), StringComparison.Ordinal);
        Assert.Contains("Waiting for an answer", PartnerHost.Text(requesterView), StringComparison.Ordinal);
        var declined = await PartnerHost.ExecuteAsync(client, managerChat, manager, IntroductionCardActionHandler.DeclineVerb, new JsonObject { ["introductionId"] = introductionId });

        Assert.True(PartnerHost.Text(declined).Contains("Declined by Petr Manager", StringComparison.Ordinal), PartnerHost.Text(declined));
        var notice = factory.Connector.SentTo(requesterChat).Last();
        Assert.Contains("declined", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(partner.Contacts[0].Email, notice.Text, StringComparison.Ordinal);
        Assert.Equal(nameof(IntroductionStatus.Declined), await StatusAsync(factory, introductionId));
    }

    /// <summary>
    /// The addressees are stored when the request is sent; the partner's contact may be replaced while it waits (the
    /// cluster manager's member form, another e-mail address). The former contact still had the card and could accept
    /// for the partner — and the requester was then given the new contact's details. Now only someone who answers for the
    /// partner now answers its requests.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    public async Task Accept_ContactReplacedSinceTheRequest_RefusedNothingChangesAndTheRefreshHasNoButtons(string language)
    {
        const string NewContactAad = "6f1c2b4e-0000-4000-8000-00000000c0a2";
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Geo Lab s.r.o.", ContactAad);
        var formerContact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, formerContact);
        await PartnerHost.SeedProfileAsync(factory, "29:contact", "Jana Nováková", "Liberec Geo Lab", language);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Geotextile tests?" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement;
        var introductionId = PartnerHost.FindValue(card, "introductionId")!;
        await factory.Services.GetRequiredService<IPartnerDirectory>().UpsertAsync(
            partner with { Contacts = [new PartnerContact("Petra Nová", "petra@new.example", NewContactAad)] });
        var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
        var contactCards = factory.Connector.SentTo(contactChat).Count(a => a.Attachments?.Count > 0);

        var accepted = await PartnerHost.ExecuteAsync(client, contactChat, formerContact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });
        var refreshed = await PartnerHost.ExecuteAsync(client, contactChat, formerContact, IntroductionCardActionHandler.RefreshVerb, new JsonObject { ["introductionId"] = introductionId });

        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, accepted.GetProperty("type").GetString());
        Assert.Equal(PartnerTexts.Format(PartnerTexts.Resolve(language).NoLongerAddressee, partner.Name), accepted.GetProperty("value").GetString());
        Assert.Equal(nameof(IntroductionStatus.Pending), await StatusAsync(factory, introductionId));
        Assert.Equal(requesterMessages, factory.Connector.SentTo(requesterChat).Count);
        Assert.DoesNotContain(factory.Connector.SentTo(requesterChat), a => a.Text?.Contains("petra@new.example", StringComparison.Ordinal) == true);
        Assert.Equal(contactCards, factory.Connector.SentTo(contactChat).Count(a => a.Attachments?.Count > 0));
        Assert.Equal(AdaptiveCardInvokeResponse.CardType, refreshed.GetProperty("type").GetString());
        Assert.Contains("Geotextile tests?", PartnerHost.Text(refreshed.GetProperty("value")), StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(refreshed.GetProperty("value")), StringComparison.Ordinal);
    }

    /// <summary>
    /// The same for a cluster manager taken out of <c>Roles:ClusterManagers</c> while the request waits (the host restarted
    /// with the new roles): their Decline is refused, the request stays pending and the requester is told nothing.
    /// </summary>
    [Fact]
    public async Task Decline_ManagerRoleRemovedSinceTheRequest_RefusedAndTheRequestStaysPending()
    {
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        var managerChat = Activities.NewConversationId();
        var requesterChat = Activities.NewConversationId();
        Organisation partner;
        string introductionId;
        using (var before = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId }))
        {
            var client = before.CreateClient();
            await PartnerHost.WaitReadyAsync(before);
            partner = await PartnerHost.AddOrganisationAsync(before, "Jablonec Nonwovens a.s.", contactAadObjectId: null);
            await PartnerHost.InstallAsync(client, managerChat, manager);
            await PartnerHost.SeedProfileAsync(before, "29:user-1", "Alex Wilber", "Contoso Textiles");
            await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Nonwovens for filters?" });
            var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(before.Connector.SentTo(managerChat), a => a.Attachments?.Count > 0))).RootElement;
            introductionId = PartnerHost.FindValue(card, "introductionId")!;
        }

        using var factory = PartnerHost.Create(databasePath);
        var after = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);

        var declined = await PartnerHost.ExecuteAsync(after, managerChat, manager, IntroductionCardActionHandler.DeclineVerb, new JsonObject { ["introductionId"] = introductionId });

        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, declined.GetProperty("type").GetString());
        Assert.Equal(PartnerTexts.Format(PartnerTexts.English.NoLongerAddressee, partner.Name), declined.GetProperty("value").GetString());
        Assert.Equal(nameof(IntroductionStatus.Pending), await StatusAsync(factory, introductionId));
        Assert.Empty(factory.Connector.SentTo(requesterChat));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("cs")]
    public async Task Refresh_SomeoneNeitherRequesterNorAddressee_RefusalCardWithoutTheRequest(string language)
    {
        // The id is in the card's data: anyone who learnt it got the whole card (requester, organisation, message).
        const string OtherManagerAad = "6f1c2b4e-0000-4000-8000-00000000b0b1";
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?>
        {
            [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId,
            [$"Roles:ClusterManagers:{OtherManagerAad}:0"] = HiTechTexPartners.CiteveId,
        });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Jablonec Nonwovens a.s.", contactAadObjectId: null);
        var managerChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, managerChat, PartnerHost.User("29:manager", ManagerAad, "Petr Manager"));
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Private: our filter budget" });
        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(managerChat), a => a.Attachments?.Count > 0))).RootElement;
        var introductionId = PartnerHost.FindValue(card, "introductionId")!;
        var outsider = PartnerHost.User("29:outsider", "aad-outsider", "Eve Outsider");
        var otherManager = PartnerHost.User("29:other-manager", OtherManagerAad, "Rui Gestor");
        await PartnerHost.SeedProfileAsync(factory, "29:outsider", "Eve Outsider", "Fabrikam", language);
        await PartnerHost.SeedProfileAsync(factory, "29:other-manager", "Rui Gestor", "CITEVE", language);
        var texts = PartnerTexts.Resolve(language);

        foreach (var viewer in new[] { outsider, otherManager })
        {
            var view = await PartnerHost.ExecuteAsync(client, Activities.NewConversationId(), viewer, IntroductionCardActionHandler.RefreshVerb, new JsonObject { ["introductionId"] = introductionId });

            Assert.Equal(AdaptiveCardInvokeResponse.CardType, view.GetProperty("type").GetString());
            var text = PartnerHost.Text(view.GetProperty("value"));
            Assert.Contains(texts.IntroductionNotShown, text, StringComparison.Ordinal);
            Assert.Contains(texts.IntroductionNotShownTitle, text, StringComparison.Ordinal);
            foreach (var secret in new[] { "Alex Wilber", "Contoso Textiles", "Private: our filter budget", partner.Name, introductionId, IntroductionCardActionHandler.AcceptVerb })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        // The requester and the addressee still read it.
        var requesterView = PartnerHost.Text(await PartnerHost.ExecuteAsync(client, requesterChat, Requester, IntroductionCardActionHandler.RefreshVerb, new JsonObject { ["introductionId"] = introductionId }));
        var managerView = PartnerHost.Text(await PartnerHost.ExecuteAsync(client, managerChat, PartnerHost.User("29:manager", ManagerAad, "Petr Manager"), IntroductionCardActionHandler.RefreshVerb, new JsonObject { ["introductionId"] = introductionId }));
        Assert.Contains("Private: our filter budget", requesterView, StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, requesterView, StringComparison.Ordinal);
        Assert.Contains("Private: our filter budget", managerView, StringComparison.Ordinal);
        Assert.Contains(IntroductionCardActionHandler.AcceptVerb, managerView, StringComparison.Ordinal);
        Assert.Equal(nameof(IntroductionStatus.Pending), await StatusAsync(factory, introductionId));
    }

    [Theory]
    [InlineData("manager", "en")]
    [InlineData("manager", "it")]
    [InlineData("contact", "en")]
    [InlineData("contact", "cs")]
    public async Task RequestIntroduction_ClickedOnAGroupCardByAManagerOrAContact_TheirOneToOneCardSaysWhyAndNothingIsAsked(string who, string language)
    {
        // The group's details card is the same for every member, so it offers the request; a member it asks nothing of
        // is not bounced to an "introduction" that their 1:1 card then refuses: the 1:1 card says why at once.
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Semily Group Coatings s.r.o.", ContactAad);
        var person = who == "manager" ? PartnerHost.User("29:manager", ManagerAad, "Petr Manager") : PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var personalChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, personalChat, person);
        await PartnerHost.SeedProfileAsync(factory, person["id"]!.GetValue<string>(), person["name"]!.GetValue<string>(), "CLUTEX", language);
        var texts = PartnerTexts.Resolve(language);
        const string group = "19:clutex-buyers@thread.v2";

        var click = Activities.Base("message", group, a =>
        {
            a["from"] = person.DeepClone();
            a["conversation"] = new JsonObject { ["id"] = group, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Activities.TenantId };
            a["value"] = new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Coating trial?" };
            a["replyToId"] = "group-detail-card";
        });
        using (var response = await client.PostActivityAsync(click))
        {
            response.EnsureSuccessStatusCode();
        }

        // The group gets the usual line naming nothing; the group's card is left as it is for the others.
        var line = Assert.Single(factory.Connector.SentTo(group));
        Assert.DoesNotContain(partner.Name, line.Text, StringComparison.Ordinal);
        Assert.Empty(factory.Connector.UpdatesIn(group));

        // The 1:1 card says, in their language, why there is nothing to ask; its Continue asks for no introduction.
        var handOff = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(personalChat), a => a.Attachments?.Count > 0))).RootElement;
        var note = who == "manager"
            ? PartnerTexts.Format(texts.HandOffOwnMemberNote, partner.Name, texts.ManageMembersCommands[0])
            : PartnerTexts.Format(texts.HandOffOwnContactNote, partner.Name);
        Assert.Contains(note, PartnerHost.Text(handOff), StringComparison.Ordinal);
        var replay = handOff.GetProperty("actions").EnumerateArray().Single().GetProperty("data");
        Assert.Equal(who == "manager" ? PartnerMemberEditor.EditAction : "partners.detail", replay.GetProperty("action").GetString());
        Assert.Equal(partner.Id, replay.GetProperty("id").GetString());

        // Continue opens the entry's form (a manager) or the details that say they are its contact — no request either way.
        var before = factory.Connector.SentTo(personalChat).Count;
        await PartnerHost.SubmitAsync(client, personalChat, person, JsonNode.Parse(replay.GetRawText())!.AsObject());
        var opened = string.Join('\n', factory.Connector.SentTo(personalChat).Skip(before).Select(PartnerHost.CardJson));
        Assert.Contains(partner.Name, opened, StringComparison.Ordinal);
        Assert.DoesNotContain("partners.intro.request", opened, StringComparison.Ordinal);
        if (who == "contact")
        {
            Assert.Contains(texts.OwnContactNote, opened, StringComparison.Ordinal);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AnyAsync(e => e.OrganisationId == partner.Id));
    }

    [Fact]
    public async Task Detail_ManagerOfThePartnersCluster_OffersTheEntryAndAForgedRequestSendsAndStoresNothing()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var member = await PartnerHost.AddOrganisationAsync(factory, "Semily Coatings s.r.o.", contactAadObjectId: null);
        var manager = PartnerHost.User("29:manager", ManagerAad, "Petr Manager");
        var managerChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, managerChat, manager);
        await PartnerHost.SeedProfileAsync(factory, "29:manager", "Petr Manager", "CLUTEX");
        var texts = PartnerTexts.Resolve("en");

        await PartnerHost.SubmitAsync(client, managerChat, manager, new JsonObject { ["action"] = "partners.detail", ["id"] = member.Id });
        var detail = PartnerHost.CardJson(factory.Connector.SentTo(managerChat).Last());
        var sentBefore = factory.Connector.SentTo(managerChat).Count;
        await PartnerHost.SubmitAsync(client, managerChat, manager, new JsonObject
        {
            ["action"] = "partners.intro.request",
            ["id"] = member.Id,
            ["message"] = "Forged from an old card",
        }, replyToId: "detail-card-manager");

        // Their details card says they manage the member and where its contacts are, and opens the entry instead.
        Assert.Contains(PartnerTexts.Format(texts.ManagedMemberNote, "manage members"), detail, StringComparison.Ordinal);
        Assert.Contains(PartnerMemberEditor.EditAction, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("partners.intro.request", detail, StringComparison.Ordinal);

        // The forged request is answered politely; no card went to anyone (the manager would be its addressee), nothing stored.
        var answers = factory.Connector.SentTo(managerChat).Skip(sentBefore).ToList();
        var answer = Assert.Single(answers);
        Assert.Equal(PartnerTexts.Format(texts.IntroductionOwnMember, member.Name, "manage members"), answer.Text);
        Assert.Empty(factory.Connector.UpdatesIn(managerChat));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AnyAsync(e => e.OrganisationId == member.Id));
    }

    [Fact]
    public async Task Detail_OneOfThePartnersTeamsContacts_OffersNoRequestAndAForgedRequestSendsAndStoresNothing()
    {
        // A listed contact with an Entra id is the partner's addressee: their request went to themselves, and they could
        // accept it (the same hole as a manager and their own members).
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Geo Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        await PartnerHost.SeedProfileAsync(factory, "29:contact", "Jana Nováková", "Liberec Geo Lab");
        var texts = PartnerTexts.Resolve("en");

        await PartnerHost.SubmitAsync(client, contactChat, contact, new JsonObject { ["action"] = "partners.detail", ["id"] = partner.Id });
        var detail = PartnerHost.CardJson(factory.Connector.SentTo(contactChat).Last());
        var sentBefore = factory.Connector.SentTo(contactChat).Count;
        await PartnerHost.SubmitAsync(client, contactChat, contact, new JsonObject
        {
            ["action"] = "partners.intro.request",
            ["id"] = partner.Id,
            ["message"] = "Forged: introduce me to myself",
        }, replyToId: "detail-card-contact");

        Assert.Contains(texts.OwnContactNote, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("partners.intro.request", detail, StringComparison.Ordinal);
        var answer = Assert.Single(factory.Connector.SentTo(contactChat).Skip(sentBefore));
        Assert.Equal(PartnerTexts.Format(texts.IntroductionOwnContact, partner.Name), answer.Text);
        Assert.Empty(answer.Attachments ?? []);
        Assert.Empty(factory.Connector.UpdatesIn(contactChat));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AnyAsync(e => e.OrganisationId == partner.Id));
    }

    [Fact]
    public async Task RequestIntroduction_AskedAgainOnLaterDays_OnePendingRequestUntilItExpiresThenANewOne()
    {
        var clock = new ShiftedTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:IntroductionExpiryDays"] = "14" },
            services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Felt s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
        var texts = PartnerTexts.Resolve("en");
        var request = () => new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Felt for a filter trial?" };

        await PartnerHost.SubmitAsync(client, requesterChat, Requester, request());
        var first = PartnerHost.FindValue(JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement, "introductionId")!;

        // The next day and on day 13 the request still stands: the requester is told since when, the contact gets nothing more.
        clock.Advance(TimeSpan.FromDays(1));
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, request());
        var nextDay = factory.Connector.SentTo(requesterChat).Last().Text;
        clock.Advance(TimeSpan.FromDays(12));
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, request());
        var dayThirteen = factory.Connector.SentTo(requesterChat).Last().Text;
        var askedOn = new DateTime(2026, 11, 23).ToString("d", ConversationTexts.RegionalCulture("en"));
        Assert.Equal(PartnerTexts.Format(texts.IntroductionAlreadyRequested, partner.Name, askedOn, 14), nextDay);
        Assert.Equal(nextDay, dayThirteen);
        Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);

        // Fourteen days without an answer (the sweep not run yet): a new request goes out, the old one expires and its
        // card is updated to say so; the requester, asking again, is told only that the new one was sent.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, request());
        Assert.Equal(PartnerTexts.Format(texts.IntroductionSent, partner.Name), factory.Connector.SentTo(requesterChat).Last().Text);
        Assert.Equal(2, factory.Connector.SentTo(contactChat).Count(a => a.Attachments?.Count > 0) - factory.Connector.UpdatesIn(contactChat).Count);
        Assert.Equal(nameof(IntroductionStatus.Expired), await StatusAsync(factory, first));
        var expiredOn = PartnerTexts.Format(texts.StatusExpiredOn, PartnerCards.DayOf(texts, clock.GetUtcNow()));
        Assert.Contains(expiredOn, PartnerHost.CardJson(Assert.Single(factory.Connector.UpdatesIn(contactChat)).Activity), StringComparison.Ordinal);

        // The old card's Accept shows it expired and tells the requester nothing.
        var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
        var late = await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = first });
        Assert.Contains(expiredOn, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(nameof(IntroductionStatus.Expired), await StatusAsync(factory, first));
        Assert.Equal(requesterMessages, factory.Connector.SentTo(requesterChat).Count);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AsNoTracking()
            .Where(e => e.OrganisationId == partner.Id).Select(e => new { e.Status, e.PendingKey }).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal($"aad-user-1|{partner.Id}", Assert.Single(stored, e => e.Status == nameof(IntroductionStatus.Pending)).PendingKey);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    public void Startup_IntroductionExpiryDaysOutOfRange_TheHostRefusesToStartNamingTheKey(string days)
    {
        var failure = BotHostFactory.StartupFailure(() => PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:IntroductionExpiryDays"] = days }));

        Assert.Contains("Partners:IntroductionExpiryDays", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestIntroduction_TwoManagers_EachReadsTheCardInTheirOwnLanguage()
    {
        const string SecondManagerAad = "6f1c2b4e-0000-4000-8000-00000000a9e2";
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?>
        {
            [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId,
            [$"Roles:ClusterManagers:{SecondManagerAad}:0"] = HiTechTexPartners.ClutexId,
        });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Turnov Yarns s.r.o.", contactAadObjectId: null);

        // One manager's Teams speaks Portuguese (no profile); the other has an English Teams but a Spanish profile.
        var portuguese = PartnerHost.User("29:manager-pt", ManagerAad, "Rui Manager");
        var portugueseChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, portugueseChat, portuguese, "pt-PT");
        var spanish = PartnerHost.User("29:manager-es", SecondManagerAad, "Lucía Manager");
        var spanishChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, spanishChat, spanish, "en-US");
        await PartnerHost.SeedProfileAsync(factory, "29:manager-es", "Lucía Manager", "CLUTEX", "es");
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");

        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Yarns for a trial?" });

        var toPortuguese = PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(portugueseChat), a => a.Attachments?.Count > 0));
        var toSpanish = PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(spanishChat), a => a.Attachments?.Count > 0));
        Assert.Contains(PartnerTexts.Resolve("pt").IntroductionTitle, toPortuguese, StringComparison.Ordinal);
        Assert.Contains(PartnerTexts.Resolve("es").IntroductionTitle, toSpanish, StringComparison.Ordinal);

        // The Portuguese manager accepts: their answer card in Portuguese, the other card updated in Spanish.
        var introductionId = PartnerHost.FindValue(JsonDocument.Parse(toPortuguese).RootElement, "introductionId")!;
        var accepted = await PartnerHost.ExecuteAsync(client, portugueseChat, portuguese, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = introductionId });
        Assert.Contains(PartnerTexts.Format(PartnerTexts.Resolve("pt").StatusAccepted, "Rui Manager"), PartnerHost.Text(accepted.GetProperty("value")), StringComparison.Ordinal);
        var spanishUpdate = factory.Connector.SentTo(spanishChat).Where(a => a.Attachments?.Count > 0).Last();
        Assert.Contains(PartnerTexts.Format(PartnerTexts.Resolve("es").StatusAccepted, "Rui Manager"), PartnerHost.CardJson(spanishUpdate), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestIntroduction_OverDailyLimitOrUnreachable_NothingSent()
    {
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:DailyIntroductionLimit"] = "1" });
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var first = await PartnerHost.AddOrganisationAsync(factory, "First Lab s.r.o.", ContactAad);
        var second = await PartnerHost.AddOrganisationAsync(factory, "Second Lab s.r.o.", ContactAad);
        var nobody = await PartnerHost.AddOrganisationAsync(factory, "Nobody Lab s.r.o.", contactAadObjectId: null, clusterId: "no-such-cluster");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, PartnerHost.User("29:contact", ContactAad, "Jana Nováková"));
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");

        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = nobody.Id, ["message"] = "Hi" }, "card-nobody");
        var unreachable = factory.Connector.SentTo(requesterChat).Last().Text;
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = first.Id, ["message"] = "Hi" }, "card-first");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = first.Id, ["message"] = "Hi again" }, "card-first-again");
        var again = factory.Connector.SentTo(requesterChat).Last(a => a.Text is not null).Text;
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = second.Id, ["message"] = "Hi" }, "card-second");
        var limited = factory.Connector.SentTo(requesterChat).Last().Text;
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = first.Id, ["message"] = "" }, "card-empty");
        var empty = factory.Connector.SentTo(requesterChat).Last().Text;

        // Only the cards of a request that stands (sent, or already asked) stop offering it; unreachable, over the
        // limit and an empty message keep the card as it was, so the user can still act on it.
        Assert.Equal(["card-first", "card-first-again"], factory.Connector.UpdatesIn(requesterChat).Select(u => u.ActivityId));

        Assert.Contains("Nobody at Nobody Lab", unreachable, StringComparison.Ordinal);
        Assert.Contains("already asked", again, StringComparison.Ordinal);
        Assert.Contains("limit of 1", limited, StringComparison.Ordinal);
        Assert.Contains("short message", empty, StringComparison.Ordinal);
        Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData(" \u202E ")]
    [InlineData("\uFEFF\n\u2066\u2069")]
    [InlineData("\n\t ")]
    [InlineData("\u2060\u200E\u200F")]
    [InlineData("\u3164")]
    public async Task RequestIntroduction_MessageWithNothingToRead_RefusedPolitelyNothingStoredOrSent(string message)
    {
        var (factory, contactChat, requesterChat, partner) = await RequestWithMessageAsync("Invisible Ink Lab s.r.o.", message);
        using var host = factory;

        Assert.Equal(PartnerTexts.Resolve("en").IntroductionMessageInvalid, factory.Connector.SentTo(requesterChat).Last().Text);
        Assert.DoesNotContain(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AnyAsync(e => e.OrganisationId == partner.Id));
    }

    [Fact]
    public async Task RequestIntroduction_MessageWithABidiOverride_TheCardShowsItInReadingOrderWithLineBreaksKept()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Reading Order Lab s.r.o.", ContactAad);
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, PartnerHost.User("29:contact", ContactAad, "Jana Nováková"));
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");

        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Trial \u202Egnirps\u202C?\nThanks \U0001F9F5\u200B" });

        var card = JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement;
        var texts = Strings(card).ToList();
        Assert.Contains("Trial gnirps?\nThanks \U0001F9F5", texts);
        Assert.DoesNotContain(texts, t => t.Contains('\u202E', StringComparison.Ordinal) || t.Contains('\u200B', StringComparison.Ordinal));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);

    /// <summary>
    /// A host with a partner (<paramref name="partnerName"/>) whose contact has the bot installed and the requester's
    /// profile, and the requester's introduction request with <paramref name="message"/> sent from the partner's card.
    /// </summary>
    private async Task<(BotHostFactory Factory, string ContactChat, string RequesterChat, Organisation Partner)> RequestWithMessageAsync(string partnerName, string message)
    {
        var factory = PartnerHost.Create(databasePath);
        try
        {
            var client = factory.CreateClient();
            await PartnerHost.WaitReadyAsync(factory);
            var partner = await PartnerHost.AddOrganisationAsync(factory, partnerName, ContactAad);
            var contactChat = Activities.NewConversationId();
            await PartnerHost.InstallAsync(client, contactChat, PartnerHost.User("29:contact", ContactAad, "Jana Nováková"));
            var requesterChat = Activities.NewConversationId();
            await PartnerHost.SeedProfileAsync(factory, "29:user-1", "Alex Wilber", "Contoso Textiles");
            await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = message });
            return (factory, contactChat, requesterChat, partner);
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    private static async Task<string?> StatusAsync(BotHostFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await db.Set<IntroductionEntity>().Where(e => e.Id == id).Select(e => e.Status).SingleOrDefaultAsync();
    }
}
