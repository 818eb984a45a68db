using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Cluster managers add and edit their members' directory entries from the bot: a list of their members, and a form.
/// Authorization on the server for every step: the user must manage the entry's current cluster (an existing entry)
/// and the cluster chosen in the form (<see cref="IRoleService"/>, from configuration). Every field is validated.
/// </summary>
internal sealed partial class PartnerMemberEditor(
    IPartnerDirectory directory,
    IRoleService roles,
    ICardRenderer renderer,
    TimeProvider timeProvider,
    ILogger<PartnerMemberEditor> logger)
{
    public const string ManageAction = "partners.manage";
    public const string EditAction = "partners.member.edit";
    public const string SaveAction = "partners.member.save";
    public const string ListTemplate = "partner-members";
    public const string FormTemplate = "partner-member";

    /// <summary>Whether this start opens the member list or form (a card button of theirs, or the typed command).</summary>
    public static bool IsEditorStart(JourneyStart? start) =>
        start is { CardAction: ManageAction or EditAction or SaveAction }
        || start is { CardAction: null, Text: { } typed } && TypedCommand.MatchesAny(ManageCommands, typed);

    /// <summary>"manage members" in the six languages.</summary>
    public static IReadOnlyList<string> ManageCommands { get; } =
        [.. PartnerTexts.All.SelectMany(t => t.ManageMembersCommands).Distinct(StringComparer.Ordinal)];

    /// <summary>Members per page of the list.</summary>
    public const int PageSize = 10;

    // On the list only: a 300-character name of escaped characters would make ten rows overflow the card.
    private const int MaxListedName = 60;
    private const int MaxListedPlace = 40;
    private const int MaxQueryLength = 100;

    /// <summary>The fields of the form's <c>member</c> object (the template binds each of them).</summary>
    private static readonly string[] FormFields =
        ["id", "version", "name", "clusterId", "kind", "country", "region", "city", "website", "description", "language", "capabilities", "services", "stages", "contactName", "contactEmail", "consent"];

    private static readonly string[] DescriptionLanguages = ["en", "pt", "es", "it", "tr", "cs"];

    public async Task HandleAsync(ITurnContext context, PartnerTexts texts, string action, JsonElement? data, CancellationToken cancellationToken)
    {
        var managed = roles.GetRoles(context.Activity.From?.AadObjectId).ManagedOrganisationIds;
        if (managed.Count == 0)
        {
            await context.SendActivityAsync(ConversationTurn.Plain(texts.NotManager), cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (action)
        {
            case EditAction:
                await EditAsync(context, texts, managed, Read(data, "id"), cancellationToken).ConfigureAwait(false);
                break;
            case SaveAction:
                await SaveAsync(context, texts, managed, data, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await ListAsync(context, texts, managed, data, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// One page of the user's members (<see cref="PageSize"/>), optionally narrowed by a search on the name, city,
    /// region or id, with previous/next buttons carrying the search. Names and places are shortened on the list so that
    /// the card stays under the size limit whatever the entries hold; the form shows them whole.
    /// </summary>
    private async Task ListAsync(ITurnContext context, PartnerTexts texts, IReadOnlyList<string> managed, JsonElement? data, CancellationToken cancellationToken)
    {
        // The search box's Search button sends the box ("q"); the paging buttons carry the search the page was made for.
        var searched = Read(data, "search") == "true";
        var query = Utf16Text.Shorten((searched ? Read(data, "q") : Read(data, "query"))?.Trim() ?? "", MaxQueryLength);
        var skip = searched ? 0 : ReadSkip(data);
        var folded = TextFolding.Fold(query);
        var members = (await directory.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(o => IsManaged(managed, o))
            .Where(o => folded.Length == 0 || new[] { o.Name, o.City, o.Region, o.Id }.Any(f => TextFolding.Fold(f).Contains(folded, StringComparison.Ordinal)))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture)
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();
        if (skip >= members.Count)
        {
            // A stale "next" button after members were removed, or a forged offset: the first page.
            skip = 0;
        }

        var page = members.Skip(skip).Take(PageSize).ToList();
        if (members.Count == 0 && query.Length > 0)
        {
            await context.SendActivityAsync(ConversationTurn.Plain(texts.NoMembersFound), cancellationToken).ConfigureAwait(false);
        }

        var card = renderer.Render(ListTemplate, new JsonObject
        {
            ["title"] = texts.ManageTitle,
            ["intro"] = texts.ManageIntro,
            ["query"] = query,
            ["range"] = members.Count == 0 ? "" : PartnerTexts.Format(texts.ResultsRange, skip + 1, skip + page.Count, members.Count),
            ["members"] = new JsonArray([.. page.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["name"] = Utf16Text.Shorten(m.Name, MaxListedName),
                ["place"] = Utf16Text.Shorten(PartnerCards.Place(texts, m.City, m.Country), MaxListedPlace),
            })]),
            ["hasPrevious"] = skip > 0,
            ["previousSkip"] = Math.Max(0, skip - PageSize).ToString(CultureInfo.InvariantCulture),
            ["hasMore"] = skip + page.Count < members.Count,
            ["nextSkip"] = (skip + page.Count).ToString(CultureInfo.InvariantCulture),
            ["labels"] = new JsonObject
            {
                ["edit"] = texts.Edit,
                ["add"] = texts.AddMember,
                ["search"] = texts.MemberSearchLabel,
                ["searchPlaceholder"] = texts.MemberSearchPlaceholder,
                ["searchButton"] = texts.Search,
                ["previous"] = texts.Previous,
                ["more"] = texts.More,
            },
        });
        await context.SendActivityAsync(ConversationCards.AsMessage(card), cancellationToken).ConfigureAwait(false);
    }

    private static int ReadSkip(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d || !d.TryGetProperty("skip", out var value))
        {
            return 0;
        }

        var skip = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => 0,
        };
        return Math.Max(0, skip);
    }

    private async Task EditAsync(ITurnContext context, PartnerTexts texts, IReadOnlyList<string> managed, string? id, CancellationToken cancellationToken)
    {
        VersionedOrganisation? existing = null;
        if (!string.IsNullOrWhiteSpace(id))
        {
            existing = await directory.FindVersionedAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is null || !IsManaged(managed, existing.Organisation))
            {
                Log.MemberEditRefused(logger, id);
                await context.SendActivityAsync(ConversationTurn.Plain(texts.NotManager), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        var member = existing is null ? NewForm(managed[0], texts.Language) : ToForm(existing);
        await SendFormAsync(context, texts, managed, member, "", cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(ITurnContext context, PartnerTexts texts, IReadOnlyList<string> managed, JsonElement? data, CancellationToken cancellationToken)
    {
        // An edit form carries the entry's id and the version it showed; an "Add a member" form a new id, minted when it
        // was sent, and no version: a second click (or a stale form) saves nothing twice.
        var id = Read(data, "id")?.Trim() ?? "";
        var versionText = Read(data, "version")?.Trim() ?? "";
        long? expectedVersion = null;
        if (versionText.Length > 0 || Unreadable(data, "id") || Unreadable(data, "version"))
        {
            if (id.Length == 0 || !long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                // A real form always carries its entry's id and a number: this one was altered. Not a question of who
                // manages what (the user may well manage it), so not that refusal: the form is unreadable.
                Log.MemberFormUnreadable(logger, id);
                await context.SendActivityAsync(ConversationTurn.Plain(texts.MemberFormUnreadable), cancellationToken).ConfigureAwait(false);
                return;
            }

            expectedVersion = version;
        }

        // A form sent before new ids were minted with it has an empty id.
        var current = id.Length == 0 ? null : await directory.FindVersionedAsync(id, cancellationToken).ConfigureAwait(false);
        if (id.Length == 0)
        {
            id = NewId();
        }

        // A tampered id (another cluster's entry, a made-up one) changes nothing.
        if ((current is not null && !IsManaged(managed, current.Organisation))
            || (current is null && expectedVersion is null && !NewIdPattern().IsMatch(id)))
        {
            await RefuseAsync(context, texts, id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (current is null && expectedVersion is not null)
        {
            // Deleted since the form was opened.
            await context.SendActivityAsync(ConversationTurn.Plain(texts.PartnerNotFound), cancellationToken).ConfigureAwait(false);
            return;
        }

        var existing = current?.Organisation;
        var errors = new List<string>();
        string Required(string field, string label, int max)
        {
            var value = Read(data, field)?.Trim() ?? "";
            if (value.Length == 0 || value.Length > max || Unreadable(data, field))
            {
                errors.Add(label);
            }

            return value;
        }

        var name = Required("name", texts.NameLabel, 300);
        var region = Required("region", texts.RegionLabel, 100);
        var city = Required("city", texts.CityLabel, 100);
        var description = Required("description", texts.DescriptionLabel, 4000);
        var contactName = Required("contactName", texts.ContactNameLabel, 200);
        // The files separate contacts with ';': "Silva; Ana" would come back from an export as two names.
        var semicolon = contactName.Contains(';', StringComparison.Ordinal);
        if (semicolon)
        {
            errors.Add(texts.ContactNameLabel);
        }

        var notPlain = false;
        foreach (var (value, label) in new[] { (name, texts.NameLabel), (region, texts.RegionLabel), (city, texts.CityLabel), (contactName, texts.ContactNameLabel) })
        {
            if (!PartnerRecord.IsPlainLine(value))
            {
                errors.Add(label);
                notPlain = true;
            }
        }

        var contactEmail = Required("contactEmail", texts.ContactEmailLabel, 300);
        if (contactEmail.Length > 0 && !PartnerRecord.IsPlainEmail(contactEmail))
        {
            errors.Add(texts.ContactEmailLabel);
        }

        // The contact is a person: their name keeps the profile's person-name rule ("=HYPERLINK(…)", "@everyone",
        // "evil.com", "ana@evil.com" are no names), said with its reason.
        var personIssue = PartnerRecord.IsPlainLine(contactName) ? PartnerRecord.ContactNameIssue(contactName, contactEmail) : PersonNameIssue.None;
        if (personIssue != PersonNameIssue.None)
        {
            errors.Add(texts.ContactNameLabel);
        }

        var clusterId = Read(data, "clusterId")?.Trim() ?? "";
        if (existing is { ClusterId: null })
        {
            // The cluster organisation's own entry (managed as its own cluster): it stays a member of none.
            clusterId = null;
        }
        else if (managed.FirstOrDefault(m => string.Equals(m, clusterId, StringComparison.OrdinalIgnoreCase)) is { } canonical)
        {
            // "HITECHTEX-CITEVE" is CITEVE, stored as its id is spelled.
            clusterId = canonical;
        }
        else
        {
            // Only a cluster the user manages: the choice set offers no other, so this is a tampered submission.
            Log.MemberEditRefused(logger, id);
            await context.SendActivityAsync(ConversationTurn.Plain(texts.NotManager), cancellationToken).ConfigureAwait(false);
            return;
        }

        var country = (Read(data, "country") ?? "").Trim().ToUpperInvariant();
        if (!texts.Countries.ContainsKey(country))
        {
            errors.Add(texts.CountryLabel);
        }

        var kindText = Read(data, "kind");
        // Only a name the choice set offers, as it sends it: "sme", "3" or "Sme,Rto" (read as an enum, Rto) is a forged card.
        var namedKind = EnumName.Find<OrganisationKind>(kindText, ignoreCase: false);
        var kind = namedKind.GetValueOrDefault();
        if (namedKind is null)
        {
            errors.Add(texts.KindLabel);
        }

        var language = Read(data, "language")?.Trim().ToLowerInvariant() ?? "";
        if (!DescriptionLanguages.Contains(language))
        {
            errors.Add(texts.DescriptionLanguageLabel);
        }

        var website = Read(data, "website")?.Trim();
        if (Unreadable(data, "website") || !string.IsNullOrEmpty(website) && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(texts.Website);
        }

        var capabilityIds = List(data, "capabilities");
        var serviceIds = List(data, "services");
        var stageIds = List(data, "stages");
        var capabilities = capabilityIds.Where(IsOfferedCapability).Distinct(StringComparer.Ordinal).ToArray();
        var services = Enums<PartnerService>(serviceIds);
        var stages = Enums<ValueChainStage>(stageIds);
        // A choice set sends only the values it offers: an id it does not (a forged card, or one older than the taxonomy)
        // is named, not dropped with the rest saved — which changed the entry in a way the form never showed.
        foreach (var (field, label, unknown) in new[]
        {
            ("capabilities", texts.CapabilityLabel, !capabilityIds.All(IsOfferedCapability)),
            ("services", texts.ServiceLabel, serviceIds.Any(s => EnumName.Find<PartnerService>(s, ignoreCase: false) is null)),
            ("stages", texts.StageLabel, stageIds.Any(s => EnumName.Find<ValueChainStage>(s, ignoreCase: false) is null)),
        })
        {
            if (unknown || Unreadable(data, field))
            {
                errors.Add(label);
            }
        }

        // The toggle sends exactly its valueOn or valueOff: anything else (a forged "yes", "1", "TRUE ", none at all) was
        // read as "false" and withdrew the organisation's listing consent.
        var consent = Read(data, "consent");
        if (consent is not ("true" or "false"))
        {
            errors.Add(texts.ConsentLabel);
        }

        if (errors.Count > 0)
        {
            var form = FormFrom(data);
            var message = PartnerTexts.Format(texts.MemberInvalid, string.Join(", ", errors.Distinct()));
            message = notPlain ? message + " " + texts.MemberPlainText : message;
            message = semicolon ? message + " " + texts.ContactNameSemicolon : message;
            message = personIssue switch
            {
                PersonNameIssue.LeadingSymbol => message + " " + texts.ContactNameStartsWithSymbol,
                PersonNameIssue.WebAddress => message + " " + texts.ContactNameIsWebAddress,
                PersonNameIssue.EmailAddress => message + " " + texts.ContactNameIsEmailAddress,
                _ => message,
            };
            // The form as it was before this submission (the stored entry, or a new one's): a toggle sent back with a
            // value it cannot hold shows what it showed, not off — which a second Save without looking would store.
            var shown = existing is null ? NewForm(managed[0], texts.Language) : ToForm(existing);
            await SendFormAsync(context, texts, managed, form, message, cancellationToken, shown).ConfigureAwait(false);
            return;
        }

        var location = PartnerGeography.Regions.SelectMany(r => r.Cities)
            .FirstOrDefault(c => string.Equals(TextFolding.Fold(c.Name), TextFolding.Fold(city), StringComparison.Ordinal))?.Location
            ?? existing?.Location ?? new GeoPoint(0, 0);
        var contacts = existing?.Contacts.Skip(1) ?? [];
        // The Teams identity belongs to the person: another contact (another address) is not reached through the old
        // one's, so introductions go to the cluster's managers until an import gives the new contact's id.
        var firstContact = existing?.Contacts.FirstOrDefault();
        var firstContactId = string.Equals(firstContact?.Email, contactEmail, StringComparison.OrdinalIgnoreCase) ? firstContact?.EntraObjectId : null;
        var organisation = new Organisation(
            id,
            name, kind, country, PartnerGeography.FindRegion(region)?.Name ?? region, city, location,
            string.IsNullOrEmpty(website) ? null : website,
            description, language, capabilities, stages, services,
            existing?.Languages is { Count: > 0 } languages ? languages : [language],
            clusterId,
            [new PartnerContact(contactName, contactEmail, firstContactId), .. contacts],
            consent == "true",
            timeProvider.GetUtcNow(),
            IsDemo: existing?.IsDemo ?? false);
        if (current is null || current.Version == expectedVersion)
        {
            if (await directory.UpsertIfVersionAsync(organisation, expectedVersion, cancellationToken).ConfigureAwait(false))
            {
                await context.SendActivityAsync(ConversationTurn.Plain(PartnerTexts.Format(texts.MemberSaved, organisation.Name)), cancellationToken).ConfigureAwait(false);
                return;
            }

            // Written by another save in the meantime (the other click of a double click, on another instance).
            current = await directory.FindVersionedAsync(id, cancellationToken).ConfigureAwait(false);
        }

        // The form is older than the entry: the same content again is a second click, and already saved; anything else
        // would overwrite a change this form never showed.
        var answer = current is not null && SameContent(current.Organisation, organisation) ? texts.MemberSaved
            : expectedVersion is null ? texts.MemberAlreadyAdded
            : texts.MemberStale;
        Log.MemberSaveStale(logger, id);
        await context.SendActivityAsync(ConversationTurn.Plain(PartnerTexts.Format(answer, organisation.Name)), cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseAsync(ITurnContext context, PartnerTexts texts, string id, CancellationToken cancellationToken)
    {
        Log.MemberEditRefused(logger, id);
        await context.SendActivityAsync(ConversationTurn.Plain(texts.NotManager), cancellationToken).ConfigureAwait(false);
    }

    private static string NewId() => "member-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Everything but the time of the change.</summary>
    private static bool SameContent(Organisation stored, Organisation saved) =>
        JsonSerializer.Serialize(stored with { LastUpdated = default }) == JsonSerializer.Serialize(saved with { LastUpdated = default });

    [GeneratedRegex("^member-[0-9a-f]{12}$")]
    private static partial Regex NewIdPattern();

    /// <param name="shown">For a form sent back with an error: the member as the form showed it before the submission.</param>
    private async Task SendFormAsync(ITurnContext context, PartnerTexts texts, IReadOnlyList<string> managed, JsonObject member, string error, CancellationToken cancellationToken, JsonObject? shown = null)
    {
        var clusters = new JsonArray();
        foreach (var clusterId in managed)
        {
            var cluster = await directory.FindAsync(clusterId, cancellationToken).ConfigureAwait(false);
            clusters.Add(new JsonObject { ["title"] = cluster?.Name ?? clusterId, ["value"] = clusterId });
        }

        // An edit form carries the version of the entry it shows; an "Add a member" form none.
        var adding = member["version"]?.GetValue<string>() is null or "";
        var data = new JsonObject
        {
            ["title"] = adding ? texts.AddMemberTitle : texts.EditMemberTitle,
            ["error"] = error,
            ["member"] = member,
            ["clusters"] = clusters,
            ["kinds"] = Choices(texts.Kinds.Select(k => (k.Value, k.Key.ToString()))),
            ["countries"] = Choices(texts.Countries.Select(c => (c.Value, c.Key))),
            // Each language in its own name ("Português"), as the profile's language choice shows them.
            ["languages"] = Choices(DescriptionLanguages.Select(l => (ConversationTexts.For(l).LanguageName, l))),
            ["capabilities"] = Choices(TextileTaxonomy.Capabilities.Select(t => (t.LabelIn(texts.Language), t.Id))),
            ["services"] = Choices(Enum.GetValues<PartnerService>().Select(s => (TextileTaxonomy.Find(TextileTaxonomy.IdOf(s))!.LabelIn(texts.Language), s.ToString()))),
            ["stages"] = Choices(Enum.GetValues<ValueChainStage>().Select(s => (TextileTaxonomy.Find(TextileTaxonomy.IdOf(s))!.LabelIn(texts.Language), s.ToString()))),
            ["labels"] = new JsonObject
            {
                ["name"] = texts.NameLabel,
                ["cluster"] = texts.ClusterLabel,
                ["kind"] = texts.KindLabel,
                ["country"] = texts.CountryLabel,
                ["region"] = texts.RegionLabel,
                ["city"] = texts.CityLabel,
                ["website"] = texts.Website,
                ["description"] = texts.DescriptionLabel,
                ["language"] = texts.DescriptionLanguageLabel,
                ["capabilities"] = texts.CapabilityLabel,
                ["services"] = texts.ServiceLabel,
                ["stages"] = texts.StageLabel,
                ["contactName"] = texts.ContactNameLabel,
                ["contactEmail"] = texts.ContactEmailLabel,
                ["consent"] = texts.ConsentLabel,
                ["required"] = texts.FieldRequired,
                ["save"] = texts.Save,
            },
        };
        // Sent back with an error, the form holds what the submission brought: cut to what each input takes, so that a
        // forged 100,000-character description is named, not a card over the size limit, and only values each input can
        // hold: a toggle's other ones give way to what it showed before.
        var card = error.Length == 0 ? renderer.Render(FormTemplate, data) : renderer.RenderForm(FormTemplate, data, WithMember(data, shown));
        await context.SendActivityAsync(ConversationCards.AsMessage(card), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form's data with <paramref name="member"/> in place of the member it shows; null without one.</summary>
    private static JsonObject? WithMember(JsonObject data, JsonObject? member)
    {
        if (member is null)
        {
            return null;
        }

        var other = (JsonObject)data.DeepClone();
        other["member"] = member;
        return other;
    }

    private static JsonObject ToForm(VersionedOrganisation entry)
    {
        var form = ToForm(entry.Organisation);
        form["version"] = entry.Version.ToString(CultureInfo.InvariantCulture);
        return form;
    }

    private static JsonObject ToForm(Organisation o) => new()
    {
        ["id"] = o.Id,
        ["name"] = o.Name,
        ["clusterId"] = o.ClusterId ?? o.Id,
        ["kind"] = o.Kind.ToString(),
        ["country"] = o.Country,
        ["region"] = o.Region,
        ["city"] = o.City,
        ["website"] = o.Website ?? "",
        ["description"] = o.Description,
        ["language"] = o.DescriptionLanguage,
        ["capabilities"] = string.Join(',', o.Capabilities),
        ["services"] = string.Join(',', o.Services),
        ["stages"] = string.Join(',', o.Stages),
        ["contactName"] = o.Contacts.FirstOrDefault()?.Name ?? "",
        ["contactEmail"] = o.Contacts.FirstOrDefault()?.Email ?? "",
        ["consent"] = o.ListingConsent ? "true" : "false",
    };

    /// <summary>
    /// An empty form: every field the template binds is present, since an absent one would show its expression text
    /// ("${member.name}") as the input's value, and be saved as such.
    /// </summary>
    private static JsonObject NewForm(string clusterId, string language)
    {
        var form = new JsonObject();
        foreach (var field in FormFields)
        {
            form[field] = "";
        }

        form["id"] = NewId();
        form["clusterId"] = clusterId;
        form["kind"] = nameof(OrganisationKind.Sme);
        form["consent"] = "true";
        form["language"] = language;
        return form;
    }

    // The submitted values back into the form (as text only), so a correction does not start from scratch.
    private static JsonObject FormFrom(JsonElement? data)
    {
        var form = new JsonObject();
        foreach (var field in FormFields)
        {
            form[field] = Read(data, field) ?? "";
        }

        return form;
    }

    /// <summary>
    /// Whether the user manages the entry: a member of a cluster they manage, or that cluster organisation itself — the
    /// same rule as the introductions' routing to managers (the cluster, else the entry's own id).
    /// </summary>
    internal static bool IsManaged(IReadOnlyList<string> managed, Organisation organisation) =>
        IsManaged(managed, organisation.ClusterId ?? organisation.Id);

    private static bool IsManaged(IReadOnlyList<string> managed, string? clusterId) =>
        clusterId is not null && managed.Contains(clusterId, StringComparer.OrdinalIgnoreCase);

    private static string[] List(JsonElement? data, string field) =>
        (Read(data, field) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A capability id exactly as the choice set offers it. As for services and stages (<see cref="Enums{T}"/>), an id
    /// in another case ("Nonwovens") is none of its values — the taxonomy finds ids ignoring case (for typed filters and
    /// the importer), so it was taken here while a service or stage so was refused.
    /// </summary>
    private static bool IsOfferedCapability(string id) =>
        TextileTaxonomy.IsCapability(id) && string.Equals(TextileTaxonomy.Find(id)!.Id, id, StringComparison.Ordinal);

    private static T[] Enums<T>(IEnumerable<string> values)
        where T : struct, Enum =>
        [.. values.Select(v => EnumName.Find<T>(v, ignoreCase: false)).OfType<T>().Distinct()];

    private static JsonArray Choices(IEnumerable<(string Title, string Value)> items) =>
        new([.. items.Select(i => (JsonNode)new JsonObject { ["title"] = i.Title, ["value"] = i.Value })]);

    /// <summary>A string input; null when absent, not a string, or text that cannot be accepted (<see cref="CardInput"/>).</summary>
    private static string? Read(JsonElement? data, string name) =>
        data is { } d && CardInput.TryGetInputText(d, name, out var text) ? text : null;

    /// <summary>
    /// An input whose text cannot be accepted (a lone surrogate, a control character), or a value no card input sends (a
    /// number, <c>true</c>, an array: <see cref="CardInput.TryGetInputText"/>): named as not valid — read as "not given",
    /// it would clear the website, the lists or the consent the entry has.
    /// </summary>
    private static bool Unreadable(JsonElement? data, string name) => data is { } d && !CardInput.TryGetInputText(d, name, out _);
}
