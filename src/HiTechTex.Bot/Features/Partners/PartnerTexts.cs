using System.Globalization;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// What the find-partners journey says, in EN, PT, ES, IT, TR and CS (<see cref="Resolve"/> by ISO 639-1 code).
/// Taxonomy labels come from <see cref="TextileTaxonomy"/>; templates with {0} are formatted with the invariant culture.
/// </summary>
internal sealed partial record PartnerTexts
{
    public required string Language { get; init; }
    public required string FiltersTitle { get; init; }
    public required string FiltersIntro { get; init; }
    public required string QueryLabel { get; init; }
    public required string QueryPlaceholder { get; init; }
    public required string CountryLabel { get; init; }
    public required string KindLabel { get; init; }
    public required string CapabilityLabel { get; init; }
    public required string ServiceLabel { get; init; }
    public required string StageLabel { get; init; }
    public required string Any { get; init; }
    public required string Search { get; init; }
    public required string ResultsTitle { get; init; }
    /// <summary>{0} first, {1} last, {2} total.</summary>
    public required string ResultsRange { get; init; }
    public required string NoResults { get; init; }

    /// <summary>
    /// A search while the directory is not ready yet (still loading after a start, or its source failing): said so,
    /// rather than "no organisation matches" from an empty index, and nothing is searched or changed.
    /// </summary>
    public required string DirectoryLoading { get; init; }
    public required string Details { get; init; }

    /// <summary>
    /// The details card's heading (<c>style: heading</c>, for screen readers' heading navigation) above the partner's
    /// name, which stays a <c>TextRun</c> so that it is shown literally.
    /// </summary>
    public required string DetailsHeading { get; init; }
    public required string More { get; init; }
    public required string Previous { get; init; }
    public required string Refine { get; init; }
    public required string Website { get; init; }
    public required string Location { get; init; }
    public required string Languages { get; init; }
    public required string Demo { get; init; }
    public required string MessageLabel { get; init; }
    public required string MessagePlaceholder { get; init; }
    public required string MessageRequired { get; init; }
    public required string RequestIntroduction { get; init; }
    /// <summary>{0} organisation.</summary>
    public required string IntroductionSent { get; init; }
    /// <summary>On the partner's details card once the introduction was asked for (it then offers no second request).</summary>
    public required string IntroductionRequestedNote { get; init; }
    /// <summary>{0} the limit.</summary>
    public required string IntroductionLimit { get; init; }
    /// <summary>{0} organisation, {1} the date it was asked on, {2} the days after which it may be asked again.</summary>
    public required string IntroductionAlreadyRequested { get; init; }
    /// <summary>{0} organisation.</summary>
    public required string IntroductionUnreachable { get; init; }
    public required string IntroductionMessageInvalid { get; init; }
    /// <summary>On the details card a cluster manager opens for an entry they manage ({0} the "manage members" command).</summary>
    public required string ManagedMemberNote { get; init; }
    /// <summary>A request for an entry the requester manages, refused ({0} organisation, {1} the "manage members" command).</summary>
    public required string IntroductionOwnMember { get; init; }
    /// <summary>The details card of an organisation the reader is a listed Teams contact of.</summary>
    public required string OwnContactNote { get; init; }

    /// <summary>
    /// On an organisation's details card when nobody there can be reached through the bot (no contact with a
    /// Teams account, no manager of its cluster configured): no message box and no request button, which could only
    /// end in <see cref="IntroductionUnreachable"/> with the message typed for nothing.
    /// </summary>
    public required string IntroductionUnreachableNote { get; init; }
    /// <summary>{0} organisation: a request from one of its own contacts, refused.</summary>
    public required string IntroductionOwnContact { get; init; }
    public required string PartnerNotFound { get; init; }
    public required string IntroductionTitle { get; init; }
    public required string From { get; init; }
    public required string Organisation { get; init; }
    public required string PartnerLabel { get; init; }
    public required string Message { get; init; }
    public required string Status { get; init; }
    public required string Accept { get; init; }
    public required string Decline { get; init; }
    public required string Refresh { get; init; }
    public required string StatusPending { get; init; }
    /// <summary>{0} who decided.</summary>
    public required string StatusAccepted { get; init; }
    /// <summary>{0} who decided.</summary>
    public required string StatusDeclined { get; init; }
    /// <summary>A request left unanswered past <c>Partners:IntroductionExpiryDays</c> and asked again since.</summary>
    public required string StatusExpired { get; init; }

    /// <summary>The same with the day it expired ({0}, the reader's short date).</summary>
    public required string StatusExpiredOn { get; init; }

    /// <summary>
    /// To the requester when their request expires unanswered: {0} the partner, {1} the day they asked, {2} the expiry
    /// days, {3} the find-partners command.
    /// </summary>
    public required string ExpiredNotice { get; init; }

    /// <summary>
    /// The requester, when the expiry gave up updating the addressees' cards (the connector kept failing): it expired,
    /// the partner could not be told either, so no answer should be waited for. {0} partner, {1} day asked, {2} days,
    /// {3} the find-partners command.
    /// </summary>
    public required string ExpiredUnreachableNotice { get; init; }

    /// <summary>
    /// To the addressee who just accepted or declined, when the requester could not be given the answer: {0} the
    /// requester (with their organisation).
    /// </summary>
    public required string AnswerUndelivered { get; init; }

    /// <summary>
    /// On the 1:1 card of a cluster manager who clicked "Request introduction" for one of their members on a group's
    /// card: {0} the partner, {1} the manage-members command.
    /// </summary>
    public required string HandOffOwnMemberNote { get; init; }

    /// <summary>The same for one of the partner's own Teams contacts: {0} the partner.</summary>
    public required string HandOffOwnContactNote { get; init; }
    /// <summary>{0} organisation, {1} contact lines.</summary>
    public required string AcceptedNotice { get; init; }
    /// <summary>{0} organisation.</summary>
    public required string DeclinedNotice { get; init; }
    public required string NotAddressee { get; init; }

    /// <summary>
    /// To someone a request was sent to who no longer speaks for the partner (replaced as its contact, or no longer a
    /// manager of its cluster): {0} the partner.
    /// </summary>
    public required string NoLongerAddressee { get; init; }
    public required string IntroductionNotFound { get; init; }
    /// <summary>The title of the card someone gets for an introduction that was neither theirs nor sent to them.</summary>
    public required string IntroductionNotShownTitle { get; init; }
    public required string IntroductionNotShown { get; init; }
    public required string AlreadyDecided { get; init; }
    public required IReadOnlyDictionary<OrganisationKind, string> Kinds { get; init; }
    public required IReadOnlyDictionary<string, string> Countries { get; init; }

    /// <summary>"find partners in Italy or Spain": the search takes one country; {0} is the one searched.</summary>
    public required string OneCountryAtATimeFormat { get; init; }

    /// <summary>The button that searches another country named ({0}) with the same words and filters.</summary>
    public required string SearchCountryFormat { get; init; }
    // Cluster managers' member form.
    public required string ManageTitle { get; init; }
    public required string ManageIntro { get; init; }
    public required string AddMember { get; init; }

    /// <summary>The member form's heading when it adds an entry.</summary>
    public required string AddMemberTitle { get; init; }

    /// <summary>The member form's heading when it edits an entry.</summary>
    public required string EditMemberTitle { get; init; }

    /// <summary>The member form's field for the language the description is written in (search analyses it in that language).</summary>
    public required string DescriptionLanguageLabel { get; init; }
    /// <summary>What a member-editor button clicked in a group asked for, on the 1:1 hand-off card ({0} the entry's name).</summary>
    public required string HandOffMemberFormat { get; init; }
    /// <summary>What "Request introduction" clicked in a group asked for, on the 1:1 hand-off card ({0} the partner's name).</summary>
    public required string HandOffIntroductionFormat { get; init; }
    public required string Edit { get; init; }
    public required string NameLabel { get; init; }
    public required string RegionLabel { get; init; }
    /// <summary>Starts a result's explanation line: "matches: nonwovens, pilot line · Tuscany".</summary>
    public required string MatchesPrefix { get; init; }
    /// <summary>Said before the results when the user named a country outside the partnership.</summary>
    public required string CountryNotCovered { get; init; }
    /// <summary>
    /// Said instead of <see cref="CountryNotCovered"/> when nothing else was asked for ("find partners in France"): no
    /// search was run, the filters card follows.
    /// </summary>
    public required string CountryNotCoveredNothingSearched { get; init; }
    /// <summary>
    /// {0} = the countries left out ("find partners not in Italy"), by name: the search's summary says it looked in
    /// every other country ("all countries except Italy").
    /// </summary>
    public required string ExceptCountriesFormat { get; init; }

    /// <summary>{0} = the partner regions left out ("find partners not in Tuscany"), by name: "all regions except Tuscany".</summary>
    public required string ExceptRegionsFormat { get; init; }

    /// <summary>
    /// Said before the results when the user asked to leave out a country outside the partnership ("not in France"): the
    /// directory has no organisations there anyway, so nothing was left out.
    /// </summary>
    public required string ExcludedCountryNotCovered { get; init; }

    /// <summary>
    /// {0} = the partnership countries or partner regions left out ("not in Czechia") that the directory has no
    /// organisations in at the moment, by name: said before the results, as for a country outside the partnership —
    /// nothing was left out there.
    /// </summary>
    public required string ExcludedPlaceEmptyFormat { get; init; }
    /// <summary>
    /// Said before the search when the user offered to host a visitor ("we'd like to host a visitor from Spain"): the
    /// visiting organisation applies and chooses its host; a host may host many times.
    /// </summary>
    public required string HostingExplained { get; init; }
    public required string CityLabel { get; init; }
    public required string DescriptionLabel { get; init; }
    public required string ContactNameLabel { get; init; }
    public required string ContactEmailLabel { get; init; }
    public required string ConsentLabel { get; init; }
    public required string ClusterLabel { get; init; }
    public required string Save { get; init; }
    public required string FieldRequired { get; init; }
    /// <summary>{0} organisation.</summary>
    public required string MemberSaved { get; init; }
    public required string NotManager { get; init; }
    /// <summary>{0} the field names.</summary>
    public required string MemberInvalid { get; init; }
    /// <summary>Added to <see cref="MemberInvalid"/> when a name, region, city or contact name holds a link or several lines.</summary>
    public required string MemberPlainText { get; init; }
    /// <summary>{0} organisation: a save from a form older than the entry (changed since it was opened).</summary>
    public required string MemberStale { get; init; }
    /// <summary>A member form whose id or version could not be read (altered): nothing was saved.</summary>
    public required string MemberFormUnreadable { get; init; }
    /// <summary>{0} organisation: an "Add a member" form saved again with other content after its entry was added.</summary>
    public required string MemberAlreadyAdded { get; init; }
    /// <summary>Added to <see cref="MemberInvalid"/> when the contact name holds a ';'.</summary>
    public required string ContactNameSemicolon { get; init; }

    /// <summary>Added to <see cref="MemberInvalid"/> when the contact name starts with = + - or @.</summary>
    public required string ContactNameStartsWithSymbol { get; init; }

    /// <summary>Added to <see cref="MemberInvalid"/> when the contact name is or holds a web address.</summary>
    public required string ContactNameIsWebAddress { get; init; }

    /// <summary>Added to <see cref="MemberInvalid"/> when the contact name holds an e-mail address.</summary>
    public required string ContactNameIsEmailAddress { get; init; }
    /// <summary>The typed command that opens a cluster manager's member list, in this language (the first is the one to show).</summary>
    public required IReadOnlyList<string> ManageMembersCommands { get; init; }
    public required string MemberSearchLabel { get; init; }
    public required string MemberSearchPlaceholder { get; init; }
    public required string NoMembersFound { get; init; }

    // A property, not a field: the language instances live in another file of this partial type, whose static
    // initializers may run after this one.
    public static IReadOnlyList<PartnerTexts> All => [English, Portuguese, Spanish, Italian, Turkish, Czech];

    /// <summary>The texts of a language code (en, pt-BR, …); English when unknown.</summary>
    public static PartnerTexts Resolve(string? language)
    {
        var code = (language ?? "en").Split('-', '_')[0].Trim().ToLowerInvariant();
        return All.FirstOrDefault(t => t.Language == code) ?? English;
    }

    public static string Format(string template, params object?[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    private static Dictionary<string, string> CountryNames(string pt, string es, string it, string tr, string cz) =>
        new(StringComparer.Ordinal) { ["PT"] = pt, ["ES"] = es, ["IT"] = it, ["TR"] = tr, ["CZ"] = cz };

    private static Dictionary<OrganisationKind, string> KindNames(string sme, string large, string cluster, string rto, string university, string accelerator, string facility) => new()
    {
        [OrganisationKind.Sme] = sme,
        [OrganisationKind.LargeCompany] = large,
        [OrganisationKind.ClusterOrganisation] = cluster,
        [OrganisationKind.Rto] = rto,
        [OrganisationKind.University] = university,
        [OrganisationKind.Accelerator] = accelerator,
        [OrganisationKind.FacilityProvider] = facility,
    };
}
