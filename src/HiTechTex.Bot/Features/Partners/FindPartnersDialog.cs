using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Find partners, one turn per step: every card carries what the next step needs in its data (the query, the
/// organisation id), so the dialog answers and ends in the same turn and nothing is left waiting in the dialog
/// stack. Free text or the guided filters card → results (a page, with explanations, paging and refine) → detail
/// with a short message → introduction request. Card data is untrusted: <see cref="PartnerQuery"/> keeps only known
/// values, and ids are looked up again.
/// </summary>
internal sealed class FindPartnersDialog(
    PartnerSearchIndex index,
    IPartnerDirectory directory,
    PartnerDirectoryReadiness readiness,
    PartnerCards cards,
    IntroductionService introductions,
    PartnerMemberEditor members,
    ConversationStates states,
    IRoleService roles,
    IOptions<PartnersOptions> options,
    ILogger<FindPartnersDialog> logger) : Dialog(DialogId)
{
    public const string DialogId = "partners.find";

    /// <summary>The card action of an organisation's details (a result's Details button; an organisation's name typed alone).</summary>
    public const string DetailAction = "partners.detail";

    public static readonly IReadOnlyCollection<string> Actions =
    [
        "findPartners", "partners.search", "partners.page", "partners.filters", DetailAction, "partners.intro.request",
        IntroductionCardActionHandler.AcceptVerb, IntroductionCardActionHandler.DeclineVerb,
        PartnerMemberEditor.ManageAction, PartnerMemberEditor.EditAction, PartnerMemberEditor.SaveAction,
    ];

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var start = options as JourneyStart;
        var context = dc.Context;
        var texts = PartnerTexts.Resolve(context.GetTexts().Language);
        var data = start?.CardData;
        switch (start?.CardAction)
        {
            case "partners.search" or "partners.page":
                await ShowResultsAsync(context, texts, PartnerQuery.FromCardData(data), cancellationToken).ConfigureAwait(false);
                break;
            case "partners.filters":
                await SendAsync(context, cards.Filters(texts, PartnerQuery.FromCardData(data) with { Skip = 0 }), cancellationToken).ConfigureAwait(false);
                break;
            case DetailAction:
                await ShowDetailAsync(context, texts, Read(data, "id"), Read(data, "message"), cancellationToken).ConfigureAwait(false);
                break;
            case "partners.intro.request":
                var profile = await states.GetProfileAsync(context, cancellationToken).ConfigureAwait(false);
                var (reply, requested) = await introductions.RequestAsync(context, Read(data, "id"), Read(data, "message"), profile, texts, cancellationToken).ConfigureAwait(false);
                await context.SendActivityAsync(ConversationTurn.Plain(reply), cancellationToken).ConfigureAwait(false);
                if (requested is not null)
                {
                    await MarkDetailRequestedAsync(context, texts, requested, cancellationToken).ConfigureAwait(false);
                }

                break;
            case IntroductionCardActionHandler.AcceptVerb or IntroductionCardActionHandler.DeclineVerb:
                // The Action.Submit fallback of older clients: the same decision; the card is updated by PUT.
                var response = await introductions.DecideAsync(context, start.CardAction, Read(data, "introductionId"),
                    start.CardAction == IntroductionCardActionHandler.AcceptVerb, cancellationToken).ConfigureAwait(false);
                if (response is { Type: AdaptiveCardInvokeResponse.MessageType, Value: { ValueKind: JsonValueKind.String } text })
                {
                    await context.SendActivityAsync(ConversationTurn.Plain(text.GetString()!), cancellationToken).ConfigureAwait(false);
                }

                break;
            case PartnerMemberEditor.ManageAction or PartnerMemberEditor.EditAction or PartnerMemberEditor.SaveAction:
                await members.HandleAsync(context, texts, start.CardAction, data, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await StartAsync(context, texts, start, cancellationToken).ConfigureAwait(false);
                break;
        }

        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The search the recognizer understood; the filters card when it understood nothing to search for.</summary>
    public static PartnerQuery QueryOf(IntentEntities entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        // A region left out is no word to look for either (a model may keep "Tuscany" among its keywords).
        var words = entities.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)
            && !(LocalIntentRecognizer.FindRegion(k) is { } named && entities.ExcludedRegions.Contains(named.Region, StringComparer.Ordinal)))
            .Select(k => k.Trim()).ToList();
        if (!string.IsNullOrWhiteSpace(entities.Region))
        {
            words.Add(entities.Region);
        }

        // Each word once: "dyeing partners, dyeing and printing" (or a pasted text) searched and showed "dyeing dyeing printing".
        words = words.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var kind = entities.OrganisationKind?.Trim().ToUpperInvariant() switch
        {
            "SME" => nameof(OrganisationKind.Sme),
            "LARGECOMPANY" => nameof(OrganisationKind.LargeCompany),
            "CLUSTER" => nameof(OrganisationKind.ClusterOrganisation),
            "RTO" => nameof(OrganisationKind.Rto),
            "UNIVERSITY" => nameof(OrganisationKind.University),
            "ACCELERATOR" => nameof(OrganisationKind.Accelerator),
            "FACILITY" => nameof(OrganisationKind.FacilityProvider),
            _ => null,
        };
        // The kind the recognizer saw is a filter ("SMEs in Italy", "a university in Spain"), except a lab or a facility
        // next to other words: "a finishing lab" names a service an RTO offers as well as a facility provider, and
        // filtering on the kind would hide the RTO.
        var filterKind = kind == nameof(OrganisationKind.FacilityProvider) && words.Count > 0 ? null : kind;
        // "find partners not in Italy": every other country of the partnership (never "No organisation matches" for the word "not").
        // "not in Tuscany": every other region.
        return PartnerQuery.Create(string.Join(' ', words), entities.Country, filterKind, except: entities.ExcludedCountries, exceptRegions: entities.ExcludedRegions);
    }

    private async Task StartAsync(ITurnContext context, PartnerTexts texts, JourneyStart? start, CancellationToken cancellationToken)
    {
        if (PartnerMemberEditor.IsEditorStart(start))
        {
            await members.HandleAsync(context, texts, PartnerMemberEditor.ManageAction, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A typed command or the welcome card's button carries no search: the guided filters.
        var query = start is { Intent: Intent.FindPartners, CardAction: null } ? QueryOf(start.Entities) : PartnerQuery.Empty;
        if (!query.IsEmpty && !await DirectoryReadyAsync(context, texts, cancellationToken).ConfigureAwait(false))
        {
            // Said once, before anything about the search's countries: none of it is searched now.
            return;
        }

        if (start is { Intent: Intent.FindPartners, CardAction: null, Entities.Hosting: true })
        {
            // "we'd like to host a visitor from Spain": a host does not apply; the visitors it may find are searched.
            await context.SendActivityAsync(texts.HostingExplained, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (start is { Intent: Intent.FindPartners, CardAction: null, Entities.Country: { } named } && !PartnerQuery.Covers(named))
        {
            // "partners in France": searching everywhere without saying so would pass Spanish results off as French.
            // With nothing else to search for the filters card follows: "so I searched those countries" would be untrue.
            await context.SendActivityAsync(query.IsEmpty ? texts.CountryNotCoveredNothingSearched : texts.CountryNotCovered, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }

        if (start is { Intent: Intent.FindPartners, CardAction: null } && start.Entities.ExcludedCountries.Any(c => !PartnerQuery.Covers(c)))
        {
            // "not in France": the directory has no organisations there anyway — said, rather than the words dropped unseen.
            await context.SendActivityAsync(texts.ExcludedCountryNotCovered, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (start is { Intent: Intent.FindPartners, CardAction: null } && (query.ExceptCountries.Count > 0 || query.ExceptRegionNames.Count > 0))
        {
            // "not in Czechia" when the directory has no organisations there now: said, as for a country outside the
            // partnership ("not in France"), rather than "all countries except Czechia" over the same results.
            // (The directory is ready here: a search before it is was told so above.)
            List<string> empty = query.ExceptCountries.Where(c => PartnerQuery.Covers(c) && index.Search(new PartnerSearchQuery(null, Country: c, Take: 1)).Total == 0)
                .Select(c => PartnerCards.CountryName(texts, c))
                .Concat(query.ExceptRegionNames.Where(r => index.Search(new PartnerSearchQuery(null, Region: r, Take: 1)).Total == 0)
                    .Select(r => PartnerGeography.RegionNameIn(r, texts.Language)))
                .ToList();
            if (empty.Count > 0)
            {
                await context.SendActivityAsync(PartnerTexts.Format(texts.ExcludedPlaceEmptyFormat, string.Join(", ", empty)), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        if (query.IsEmpty)
        {
            await SendAsync(context, cards.Filters(texts, query), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await ShowResultsAsync(context, texts, query, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // "find partners in Italy or Spain": the search takes one country (the first named). Said plainly, with a button
        // for each other country of the partnership named, which runs the same search there.
        var others = start is { Intent: Intent.FindPartners, CardAction: null } && query.Country.Length > 0
            ? start.Entities.OtherCountries.Select(c => c.ToUpperInvariant()).Where(c => c != query.Country && PartnerQuery.Covers(c) && texts.Countries.ContainsKey(c)).Distinct().ToList()
            : [];
        if (others.Count > 0)
        {
            await SendAsync(context, cards.OtherCountries(texts, query, others), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>False when the directory was not ready, which the user was told instead of any results.</returns>
    private async Task<bool> ShowResultsAsync(ITurnContext context, PartnerTexts texts, PartnerQuery query, CancellationToken cancellationToken)
    {
        if (!await DirectoryReadyAsync(context, texts, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var pageSize = options.Value.PageSize;
        var results = index.Search(query.ToSearch(pageSize));
        if (results.Hits.Count == 0 && query.Skip > 0)
        {
            // A stale "next" button after the directory shrank: back to the first page.
            query = query with { Skip = 0 };
            results = index.Search(query.ToSearch(pageSize));
        }

        if (results.Hits.Count == 0)
        {
            await context.SendActivityAsync(ConversationTurn.Plain(texts.NoResults), cancellationToken).ConfigureAwait(false);
            await SendAsync(context, cards.Filters(texts, query), cancellationToken).ConfigureAwait(false);
            return true;
        }

        await SendAsync(context, cards.Results(texts, query, results, pageSize), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Right after a start the directory may still be seeding and indexing, or its database failing: a search then waits
    /// briefly (<see cref="PartnerDirectoryReadiness.Wait"/>) and past that is told the directory is still loading — not
    /// "no organisation matches" from an empty index, nor silence — and nothing is searched or changed.
    /// </summary>
    private async Task<bool> DirectoryReadyAsync(ITurnContext context, PartnerTexts texts, CancellationToken cancellationToken)
    {
        if (await readiness.WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        Log.DirectoryNotReady(logger, context.Activity.Conversation?.Id);
        await context.SendActivityAsync(ConversationTurn.Plain(texts.DirectoryLoading), cancellationToken).ConfigureAwait(false);
        return false;
    }


    /// <param name="message">The introduction message to show in the box again (a request handed off from a group).</param>
    private async Task ShowDetailAsync(ITurnContext context, PartnerTexts texts, string? id, string? message, CancellationToken cancellationToken)
    {
        var organisation = string.IsNullOrWhiteSpace(id) ? null : await directory.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (organisation is not { ListingConsent: true })
        {
            await context.SendActivityAsync(ConversationTurn.Plain(texts.PartnerNotFound), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A cluster manager has their members' contacts: their own card offers the entry, not an introduction. A group's
        // card is everyone's, so it stays the same for all: its request button hands off to the 1:1 chat, where a manager
        // (or one of the partner's contacts) is told why there is nothing to ask and gets the entry instead.
        // So does one of the organisation's own contacts: a request would come back to them to accept.
        var personal = !context.Activity.IsGroupConversation();
        var managed = personal
            && PartnerMemberEditor.IsManaged(roles.GetRoles(context.Activity.From?.AadObjectId).ManagedOrganisationIds, organisation);
        var ownContact = personal && IntroductionService.IsOwnContact(organisation, context.Activity.From?.AadObjectId);
        // Nobody there to ask (no contact with a Teams account, no manager of its cluster): no box to write a message in
        // for nothing — the card says so.
        var reachable = introductions.CanReach(organisation);
        await SendAsync(context, cards.Detail(texts, organisation, managed: managed, ownContact: ownContact, message: message, reachable: reachable), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the details card the request came from (Teams names it in the submit's <c>replyToId</c>) by the same
    /// card saying the introduction was asked for, without the message box and the button: a second click has nothing
    /// to press. Best effort: the user already has the answer, so a failed update is only logged. In a group chat or a
    /// channel the card is everyone's: one member's request leaves it as it is for the others.
    /// </summary>
    private async Task MarkDetailRequestedAsync(ITurnContext context, PartnerTexts texts, Organisation organisation, CancellationToken cancellationToken)
    {
        if (context.Activity.ReplyToId is not { Length: > 0 } cardActivityId || context.Activity.IsGroupConversation())
        {
            return;
        }

        var update = ConversationCards.AsMessage(cards.Detail(texts, organisation, requested: true));
        update.Id = cardActivityId;
        try
        {
            await context.UpdateActivityAsync(update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.DetailCardUpdateFailed(logger, organisation.Id, exception);
        }
    }


    private static Task SendAsync(ITurnContext context, Attachment card, CancellationToken cancellationToken) =>
        context.SendActivityAsync(ConversationCards.AsMessage(card), cancellationToken);

    private static string? Read(JsonElement? data, string name) =>
        data is { } d && CardInput.TryGetText(d, name, out var text) ? text : null;
}
