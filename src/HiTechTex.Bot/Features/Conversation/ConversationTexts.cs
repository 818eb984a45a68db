namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// Everything the conversation says, one instance per language (EN, PT, ES, IT, TR, CS) so that a translator edits
/// one block. The card templates get these strings as data; the English block is the reference.
/// </summary>
internal sealed partial class ConversationTexts
{
    public required string Language { get; init; }

    /// <summary>The language's own name, shown in the language choice.</summary>
    public required string LanguageName { get; init; }

    public required string WelcomeTitle { get; init; }

    public required string WelcomeIntro { get; init; }

    public required string FindPartners { get; init; }

    public required string FindPartnersDescription { get; init; }

    public required string ApplyExchange { get; init; }

    public required string ApplyExchangeDescription { get; init; }

    public required string BookSession { get; init; }

    /// <summary>The coaching journey's line with Graph configured: the bot puts the Teams meeting in the calendar.</summary>
    public required string BookSessionDescription { get; init; }

    /// <summary>The coaching journey's line without Graph: participants get a calendar file (.ics), no Teams meeting.</summary>
    public required string BookSessionDescriptionCalendarFile { get; init; }

    public required string MyApplications { get; init; }

    public required string MySessions { get; init; }

    public required string HelpTitle { get; init; }

    public required string HelpIntro { get; init; }

    /// <summary>The word that shows help in this language (one the interruption recognizer knows).</summary>
    public required string HelpWord { get; init; }

    public required string HelpCommandHelp { get; init; }

    /// <summary>The help card's lines of the commands only some people have (cluster managers, coordinators).</summary>
    public required string HelpCommandPendingApprovals { get; init; }

    public required string HelpCommandManageMembers { get; init; }

    public required string HelpCommandNewSession { get; init; }

    public required string HelpCommandImportSessions { get; init; }

    public required string HelpCommandExchangeProgress { get; init; }

    public required string HelpCommandExportExchanges { get; init; }

    public required string HelpCommandStuckApplications { get; init; }

    public required string HelpContact { get; init; }

    /// <summary>The profile command shown in the help card (one of <see cref="ProfileCommands"/>).</summary>
    public required string ProfileWord { get; init; }

    public required string HelpCommandProfile { get; init; }

    /// <summary>The typed command for one's exchange applications, as the help card shows it.</summary>
    public required string MyApplicationsWord { get; init; }

    public required string HelpCommandMyApplications { get; init; }

    /// <summary>The typed command for one's sessions, as the help card shows it.</summary>
    public required string MySessionsWord { get; init; }

    public required string HelpCommandMySessions { get; init; }

    /// <summary>The help card's button that changes the profile.</summary>
    public required string EditProfileButton { get; init; }

    /// <summary>Typed alone, these go through the whole profile again (name, organisation, language).</summary>
    public required IReadOnlyList<string> ProfileCommands { get; init; }

    /// <summary>Typed alone, these ask only for the language.</summary>
    public required IReadOnlyList<string> LanguageCommands { get; init; }

    /// <summary>Typed alone, these delete the user's profile and unfinished conversation, after a confirmation.</summary>
    public required IReadOnlyList<string> DeleteDataCommands { get; init; }

    /// <summary>What is deleted and what stays; asked as a yes/no question.</summary>
    public required string ConfirmDeleteData { get; init; }

    /// <summary>
    /// The answer to a question about what the bot keeps or deletes ("what data do you keep?", "do you delete my data
    /// after the exchange?"): what is stored, what stays as the programme's records, and the command that deletes ({0}).
    /// </summary>
    public required string PrivacyAnswerFormat { get; init; }

    /// <summary>The retry of the delete question: says how to answer, without the whole explanation again.</summary>
    public required string ConfirmDeleteDataRetry { get; init; }

    public required string DataDeleted { get; init; }

    /// <summary>
    /// "delete my data" done, the 1:1 chat's address kept: {0} the records that may still need a message (the Kept…
    /// texts, joined), {1} the delete command.
    /// </summary>
    public required string DataDeletedChatKeptFormat { get; init; }

    public required string KeptForExchanges { get; init; }

    public required string KeptForSessions { get; init; }

    public required string KeptForIntroductions { get; init; }

    /// <summary>Introduction requests sent to them and not yet answered (a partner's contact, a cluster manager).</summary>
    public required string KeptForIntroductionAnswers { get; init; }

    /// <summary>They are a partner's Teams contact in the directory: its introduction requests come to them.</summary>
    public required string KeptAsDirectoryContact { get; init; }

    /// <summary>The word joining the last two items of a list: "a, b and c" (" and ", " e ", " y ", " ve ", " a ").</summary>
    public required string ListAnd { get; init; }

    /// <summary>Why the chat address stays for a cluster manager: while they have the role, and who removes it.</summary>
    public required string KeptForManagerRole { get; init; }

    /// <summary>Why the chat address stays for a programme coordinator.</summary>
    public required string KeptForCoordinatorRole { get; init; }

    /// <summary>Why the chat address stays for someone who is both.</summary>
    public required string KeptForBothRoles { get; init; }

    /// <summary>After a role's reason: {0} the records that may still need a message too.</summary>
    public required string KeptAlsoForFormat { get; init; }

    /// <summary>The first sentence of <see cref="DataDeletedChatKeptFormat"/>, before a role's reason.</summary>
    public required string DataDeletedKeptIntro { get; init; }

    /// <summary>The last sentence of <see cref="DataDeletedChatKeptFormat"/>, after a role's reason.</summary>
    public required string DataDeletedKeptOutro { get; init; }

    /// <summary>"a", "a and b", "a, b and c" in this language.</summary>
    public string JoinList(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + ListAnd + items[^1];
    }

    /// <summary>
    /// "delete my data" done and the 1:1 chat's address kept: for <paramref name="records"/> (the Kept… texts) that
    /// may still need a message — "type it again once nothing is left" — or, for a cluster manager or coordinator, as
    /// long as they have the role (and who removes it), with the records after it.
    /// </summary>
    public string DataDeletedChatKept(IReadOnlyList<string> records, bool clusterManager, bool coordinator)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!clusterManager && !coordinator)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, DataDeletedChatKeptFormat, JoinList(records), DeleteDataCommands[0]);
        }

        var role = clusterManager && coordinator ? KeptForBothRoles : clusterManager ? KeptForManagerRole : KeptForCoordinatorRole;
        var also = records.Count > 0 ? " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, KeptAlsoForFormat, JoinList(records)) : "";
        return $"{DataDeletedKeptIntro} {role}{also} {DataDeletedKeptOutro}";
    }

    public required string DataKept { get; init; }

    /// <summary>
    /// The delete question gave up after <see cref="DeleteDataDialog.ConfirmAttempts"/> answers that were no yes or no:
    /// nothing was deleted (never a yes by default), and how to ask again (a <see cref="DeleteDataCommands"/> command).
    /// </summary>
    public required string DeleteDataGaveUp { get; init; }

    /// <summary>The delete command from someone the bot has no profile of.</summary>
    public required string NoDataToDelete { get; init; }

    /// <summary>"delete my data" from someone without a profile whose chat's address nothing needs: it was deleted.</summary>
    public required string NoProfileChatDeleted { get; init; }

    /// <summary>Small talk (<see cref="SmallTalk"/>): whole messages that greet, thank, acknowledge or say goodbye.</summary>
    public required IReadOnlyList<string> GreetingPhrases { get; init; }

    /// <summary>"how are you?" — alone or after a greeting ("hi, how are you?", "olá, tudo bem?"): a greeting too.</summary>
    public required IReadOnlyList<string> HowAreYouPhrases { get; init; }

    public required IReadOnlyList<string> ThanksPhrases { get; init; }

    public required IReadOnlyList<string> AcknowledgementPhrases { get; init; }

    public required IReadOnlyList<string> GoodbyePhrases { get; init; }

    /// <summary>{0} = the user's name; the menu card follows.</summary>
    public required string GreetingFormat { get; init; }

    /// <summary>{0} = the help word.</summary>
    public required string YouAreWelcomeFormat { get; init; }

    /// <summary>{0} = the help word. "I don't want to apply": nothing is started (<see cref="Language.RecognizedIntent.Declined"/>).</summary>
    public required string DeclinedFormat { get; init; }

    public required string Goodbye { get; init; }

    /// <summary>{0} = the help word. For an image or a file the bot cannot read, with nothing it understood.</summary>
    public required string CannotReadAttachmentsFormat { get; init; }

    /// <summary>{0} = name, {1} = organisation, {2} = the language's own name.</summary>
    public required string ProfileIntroFormat { get; init; }

    public required string BackToMenu { get; init; }

    /// <summary>{0} = the name Teams gave.</summary>
    public required string ConfirmNameFormat { get; init; }

    /// <summary>{0} = the name Teams gave; asked when the profile is changed (no greeting).</summary>
    public required string ConfirmNameAgainFormat { get; init; }

    /// <summary>{0} = the name Teams gave; the retry of the name question.</summary>
    public required string ConfirmNameRetryFormat { get; init; }

    public required string AskName { get; init; }

    public required string AskOrganisation { get; init; }

    /// <summary>
    /// A journey request typed at the first-use organisation question ("I need a dyeing partner in Italy"): not saved as
    /// the organisation; the request is kept and run once the profile is saved (the question is asked again after this).
    /// </summary>
    public required string OrganisationFirst { get; init; }

    /// <summary>
    /// {0} = what was typed at the first-use organisation question, which may be a name or a request ("Find Partners"):
    /// asked rather than guessed (yes keeps it as the name, no runs it after the profile).
    /// </summary>
    public required string ConfirmOrganisationNameFormat { get; init; }

    /// <summary>{0} = the same; the retry of <see cref="ConfirmOrganisationNameFormat"/>.</summary>
    public required string ConfirmOrganisationNameRetryFormat { get; init; }

    /// <summary>
    /// {0} = a directory organisation's name found only as an ordinary word in lower case inside a sentence typed at the
    /// organisation question ("estou em casa" with a CASA listed): asked whether it is meant rather than taken.
    /// </summary>
    public required string ConfirmOrganisationMeantFormat { get; init; }

    /// <summary>{0} = the same; the retry of <see cref="ConfirmOrganisationMeantFormat"/>.</summary>
    public required string ConfirmOrganisationMeantRetryFormat { get; init; }

    /// <summary>The organisation question again, after "None of these" (<see cref="NoneOfTheseOrganisations"/>).</summary>
    public required string AskOrganisationAgain { get; init; }

    /// <summary>Asked on Submit of an exchange application when the profile has no usable name.</summary>
    public required string AskNameToSubmit { get; init; }

    /// <summary>{0} = the profile word. <see cref="AskNameToSubmit"/> gave up: the application stays a draft.</summary>
    public required string NameNeededToSubmitFormat { get; init; }

    /// <summary>The organisation typed may be one of several in the directory: which (the choices follow).</summary>
    public required string ChooseOrganisation { get; init; }

    /// <summary>The retry of <see cref="ChooseOrganisation"/>.</summary>
    public required string ChooseOrganisationRetry { get; init; }

    /// <summary>The last choice of <see cref="ChooseOrganisation"/>: the name is asked again.</summary>
    public required string NoneOfTheseOrganisations { get; init; }

    /// <summary>{0} = the longest name; the retry of the name question.</summary>
    public required string NameRulesFormat { get; init; }

    /// <summary>Why a name starting with = + - @ is refused (before <see cref="NameRules"/>).</summary>
    public required string NameStartsWithSymbol { get; init; }

    /// <summary>Why a name that is (or holds) a web address is refused (before <see cref="NameRules"/>).</summary>
    public required string NameIsWebAddress { get; init; }

    /// <summary>
    /// A journey request no journey answers typed at the name question of "my profile" ("find partners in Italy"): not a
    /// name, refused before the name question is asked again (it used to become the name shown on every card) — answer
    /// the question, or cancel to stop editing the profile (which is saved already), naming the cancel word.
    /// </summary>
    public required string NameIsRequest { get; init; }

    /// <summary>
    /// A journey request typed at the first-use name question ("find partners in Italy"): not the name; the request is
    /// kept and run once the profile is saved (the question is asked again after this), as at the organisation question.
    /// </summary>
    public required string NameFirst { get; init; }

    /// <summary>
    /// A menu button (the welcome card's "Find partners", say) clicked at a first-use question other than the name or the
    /// organisation ("shall I call you …?", the language): no answer to it; the request is kept and run once the profile
    /// is saved, and the question is asked again after this (no try used), as a request typed at the name question is.
    /// </summary>
    public required string ProfileFirst { get; init; }

    /// <summary>
    /// A journey request no journey answers typed at the organisation question of "my profile" ("find partners in Spain"):
    /// not saved as the organisation (it was); answer the question, or cancel to stop editing the profile, naming the
    /// cancel word as <see cref="NameIsRequest"/> does; the question is asked again after this.
    /// </summary>
    public required string OrganisationIsRequest { get; init; }

    /// <summary>
    /// A question about the organisation question typed there ("what is this?", "who is that?" — a name asked about that
    /// no listed organisation has): one short sentence on why the bot asks for the organisation; the question follows.
    /// </summary>
    public required string WhyOrganisationAsked { get; init; }

    /// <summary>
    /// A lead-in before ordinary words typed at the organisation question ("I'm with my colleague", "estou em casa"): no
    /// organisation's name (it was saved as one); the question is asked again after this.
    /// </summary>
    public required string OrganisationNotNamed { get; init; }

    /// <summary>Why a name that is (or holds) an e-mail address is refused (before <see cref="NameRules"/>).</summary>
    public required string NameIsEmailAddress { get; init; }

    /// <summary>{0} = the longest organisation name; the retry of the organisation question.</summary>
    public required string OrganisationRulesFormat { get; init; }

    public required string AskLanguage { get; init; }

    /// <summary>The retry of the language question (the choices follow).</summary>
    public required string AskLanguageRetry { get; init; }

    /// <summary>{0} = the user's name.</summary>
    public required string ProfileSavedFormat { get; init; }

    /// <summary>
    /// {0} = the name kept, {1} = the profile word. The name question (or the "shall I call you …?" question) got no
    /// usable answer after <see cref="ProfileDialog.ProfileAttempts"/> tries: the Teams name (or the name already saved) is kept.
    /// </summary>
    public required string NameKeptFormat { get; init; }

    /// <summary>{0} = the profile word. The name question gave up and there is no usable name to keep.</summary>
    public required string NameUnsetFormat { get; init; }

    /// <summary>{0} = the organisation kept, {1} = the profile word. The organisation question gave up; the saved one is kept.</summary>
    public required string OrganisationKeptFormat { get; init; }

    /// <summary>{0} = the profile word. The organisation question gave up and none was saved before: it stays unset.</summary>
    public required string OrganisationUnsetFormat { get; init; }

    /// <summary>
    /// {0} = the organisation saved before; asked when the profile is changed ("my profile"), so that a yes keeps it (and
    /// its directory entry) instead of "yes" becoming the organisation's name.
    /// </summary>
    public required string ConfirmOrganisationKeptFormat { get; init; }

    /// <summary>{0} = the same; the retry of <see cref="ConfirmOrganisationKeptFormat"/>.</summary>
    public required string ConfirmOrganisationKeptRetryFormat { get; init; }

    /// <summary>The profile saved without a name (the name question gave up).</summary>
    public required string ProfileSavedWithoutName { get; init; }

    /// <summary>{0} = the journey's name.</summary>
    public required string ComingSoonFormat { get; init; }

    /// <summary>{0} = the recognized details joined with " · ".</summary>
    public required string LookingForFormat { get; init; }

    public required string DidNotUnderstand { get; init; }

    /// <summary>
    /// A cluster manager's command ("pending approvals", "manage members", or the same in one's own words) asked for by
    /// someone who is none: whom it is for, that roles come from the partnership's configuration, and what to type
    /// instead ("my applications"); the help card follows.
    /// </summary>
    public required string OnlyForClusterManagers { get; init; }

    /// <summary>A coordinator's command ("exchange progress", "export exchanges"…) asked for by someone who is none; the help card follows.</summary>
    public required string OnlyForCoordinators { get; init; }

    /// <summary>
    /// A coordinator's coaching command typed as the menu has it ("new session", "import sessions") by someone who is no
    /// coordinator: that creating and importing sessions is the coordinators', that roles come from the partnership's
    /// configuration, and what a participant types instead (the coaching journey's list and "my sessions" commands);
    /// the help card follows.
    /// </summary>
    public required string OnlySessionCoordinators { get; init; }

    /// <summary>
    /// The command of what is under way typed at one of its questions ("apply step by step" at "Please describe the
    /// objectives"): no answer to it; the question is asked again after this.
    /// </summary>
    public required string AlreadyUnderway { get; init; }

    /// <summary>The first-use language question given up after its attempts: the language it was asked in is kept.</summary>
    public required string LanguageKept { get; init; }

    public required string Busy { get; init; }

    /// <summary>What the user is told when a turn fails (nothing about the failure itself).</summary>
    public required string TurnFailed { get; init; }

    /// <summary>Said before a message is handled afresh because the dialog it would have answered expired.</summary>
    public required string DialogExpired { get; init; }

    /// <summary>Heading of the card sent to the 1:1 chat when a personal journey was asked for in a group.</summary>
    public required string ContinuePrivatelyTitle { get; init; }

    public required string ContinuePrivatelyIntro { get; init; }

    /// <summary>The card's button, which asks again what was asked in the group.</summary>
    public required string ContinuePrivatelyButton { get; init; }

    /// <summary>Said in the group (after a mention of the person) when the card reached their 1:1 chat.</summary>
    public required string ContinuedPrivately { get; init; }

    /// <summary>Said in the group (after a mention) when no 1:1 chat could be reached.</summary>
    public required string CannotContinuePrivately { get; init; }

    /// <summary>The link after <see cref="CannotContinuePrivately"/> that opens a 1:1 chat with the bot in Teams.</summary>
    public required string OpenPrivateChat { get; init; }

    /// <summary>
    /// Said in a group (after a mention of the person) when a role command's refusal went to their 1:1 chat: nothing
    /// about the command or the roles in front of the group.
    /// </summary>
    public required string RoleRefusalSentPrivately { get; init; }

    /// <summary>
    /// Said in a group (after a mention) when a role command's refusal could not reach the person's 1:1 chat: that the
    /// command is not available to them, without naming whose it is; <see cref="OpenPrivateChat"/>'s link may follow.
    /// </summary>
    public required string RoleCommandNotForYou { get; init; }

    public required string EngineHelp { get; init; }

    public required string Cancelled { get; init; }

    /// <summary>"cancel" (or "stop the reminders") when nothing is in progress: where bookings and applications are cancelled.</summary>
    public required string NothingToCancel { get; init; }

    /// <summary>
    /// {0} = the apply command. A question about the exchange rules ("how many exchanges can I do?", "quantos intercâmbios
    /// posso fazer?", "how long does an exchange last?"): the rules, never the coordinator's figures or the form.
    /// </summary>
    public required string ExchangeRulesFormat { get; init; }

    public required string StartingOver { get; init; }

    /// <summary>
    /// Asked (yes/no) when the user asks for another journey while one waits for an answer — most often the exchange
    /// application form, whose typed inputs only the card holds.
    /// </summary>
    public required string LeaveUnfinished { get; init; }

    /// <summary>The retry of <see cref="LeaveUnfinished"/>: says how to answer.</summary>
    public required string LeaveUnfinishedRetry { get; init; }

    /// <summary>
    /// {0} = the new request as the user asked for it (what they typed, or the label of the menu button they clicked):
    /// <see cref="LeaveUnfinished"/> naming it, so that the question asked again — after help, after an answer that was
    /// no yes or no — still says what leaving is for, the request itself having scrolled out of sight.
    /// </summary>
    public required string LeaveUnfinishedForFormat { get; init; }

    /// <summary>{0} = the same; the retry of <see cref="LeaveUnfinishedForFormat"/>, as <see cref="LeaveUnfinishedRetry"/>.</summary>
    public required string LeaveUnfinishedForRetryFormat { get; init; }

    /// <summary>The answer "no" to <see cref="LeaveUnfinished"/>: the waiting question or form is asked again.</summary>
    public required string KeepUnfinished { get; init; }

    /// <summary>
    /// <see cref="LeaveUnfinished"/> gave up after <see cref="MainDialog.LeaveAttempts"/> answers that were no yes or no:
    /// what waited is kept (never left by default) and asked again; says how to go on with the new request instead
    /// (the cancel word, then the request again).
    /// </summary>
    public required string LeaveUnfinishedGaveUp { get; init; }

    public required string LostTrack { get; init; }

    public required string TooManyAttempts { get; init; }

    public required string FormReceived { get; init; }

    /// <summary>The answer to a card button the bot does not know (an old card, a forged click): nothing changed.</summary>
    public required string ButtonNotRecognised { get; init; }

    /// <summary>{0} = the missing fields, comma-separated.</summary>
    public required string FormIncompleteFormat { get; init; }

    /// <summary>{0} = the fields whose text holds characters that cannot be accepted, comma-separated.</summary>
    public required string FormInvalidFormat { get; init; }

    public required string FillInForm { get; init; }

    /// <summary>
    /// After a request answered on top of the exchange application form: names the form that waits (the answer sits
    /// between it and this message, so "the form above" would be the answer's), and how to leave it.
    /// </summary>
    public required string ExchangeFormStillOpen { get; init; }

    /// <summary>The same for any other form that waits.</summary>
    public required string FormStillOpen { get; init; }

    public required string FormExpired { get; init; }

    /// <summary>A form's button clicked after its dialog ended (cancelled, started over, finished): nothing was done with it.</summary>
    public required string FormEnded { get; init; }

    /// <summary>See <see cref="MentionMeInGroup"/>; {0} is the bot's name.</summary>
    public required string MentionMeInGroupFormat { get; init; }

    /// <summary>A yes/no or choice button of an earlier question pressed while another question waits: nothing done; the waiting question follows.</summary>
    public required string EarlierQuestionButton { get; init; }

    /// <summary>A yes/no or choice button of a question that is over, with no question waiting: nothing done; the menu follows.</summary>
    public required string QuestionEnded { get; init; }

    /// <summary>
    /// <see cref="QuestionEnded"/> in a group chat or a channel, where the button clicked is as likely another member's
    /// question as an ended one of the clicker's: nothing done; the menu follows.
    /// </summary>
    public required string QuestionEndedInGroup { get; init; }

    /// <summary>
    /// A question's or form's button clicked in a 1:1 chat by someone with no profile (an old card, from before their
    /// data was deleted): nothing done, and no first-use questions until they write to the bot.
    /// </summary>
    public required string ButtonBeforeProfile { get; init; }

    /// <summary>
    /// On the card of an Action.Execute click the waiting question did not take (a retry, giving up, an earlier question's
    /// button): the card said "Thanks, got it." — the reply in the chat says why.
    /// </summary>
    public required string ClickNotTaken { get; init; }

    /// <summary>
    /// On the card of an Action.Execute form click that found its question expired (<c>Conversation:DialogExpiry</c>):
    /// nothing was done with it, and the chat says it expired.
    /// </summary>
    public required string ClickExpired { get; init; }

    /// <summary>
    /// On the card of an Action.Execute click that Teams delivered again after the first delivery was taken: nothing was
    /// done a second time (said in the Teams client's language: the de-duplication runs before the profile is read).
    /// </summary>
    public required string AlreadyDone { get; init; }

    /// <summary>
    /// The same in a group chat or a channel (someone else's question, or one that is over); {0} is the bot's name.
    /// See <see cref="ButtonNotForYou"/>.
    /// </summary>
    public required string ButtonNotForYouFormat { get; init; }

    /// <summary>
    /// In a channel, a message posted outside the thread where the sender's question waits (a new top-level post is
    /// another conversation) that asks for nothing new: answer there. {0} is the bot's name.
    /// </summary>
    public required string AnswerInThreadFormat { get; init; }

    /// <summary>The label of the link to that thread.</summary>
    public required string GoToThread { get; init; }

    /// <summary>Country names for the entities shown back, by ISO code; other codes are shown as they are.</summary>
    public required IReadOnlyDictionary<string, string> Countries { get; init; }

    /// <summary>The six supported languages, English first.</summary>
    // Lazy: static initializers of partial classes run in no guaranteed order across the files.
    private static IReadOnlyList<ConversationTexts>? all;

    public static IReadOnlyList<ConversationTexts> All => all ??= [En, Pt, Es, It, Tr, Cs];

    /// <summary>The texts of a two-letter language code; English for anything else.</summary>
    public static ConversationTexts For(string? language)
    {
        foreach (var texts in All)
        {
            if (string.Equals(texts.Language, language, StringComparison.OrdinalIgnoreCase))
            {
                return texts;
            }
        }

        return En;
    }

    /// <summary>The two-letter code when it is one of the six, else null.</summary>
    public static string? Supported(string? languageOrLocale)
    {
        if (string.IsNullOrWhiteSpace(languageOrLocale))
        {
            return null;
        }

        var dash = languageOrLocale.IndexOfAny(['-', '_']);
        var span = (dash > 0 ? languageOrLocale.AsSpan(0, dash) : languageOrLocale.AsSpan()).Trim();
        if (System.Text.Ascii.IsValid(span))
        {
            // Every turn asks this (twice): ASCII, as locales are, is compared without building the lower-cased code.
            foreach (var texts in All)
            {
                if (System.Text.Ascii.EqualsIgnoreCase(span, texts.Language))
                {
                    return texts.Language;
                }
            }

            return null;
        }

        var code = span.ToString().ToLowerInvariant();
        return All.Any(t => t.Language == code) ? code : null;
    }

    /// <summary>The profile's language, else the activity's locale, else English.</summary>
    public static ConversationTexts Resolve(string? profileLanguage, string? activityLocale) =>
        For(Supported(profileLanguage) ?? Supported(activityLocale) ?? "en");

    public string CannotReadAttachments => string.Format(System.Globalization.CultureInfo.InvariantCulture, CannotReadAttachmentsFormat, HelpWord);

    /// <summary>
    /// The culture of a language in the partnership's region (pt-PT, es-ES, it-IT, tr-TR, cs-CZ, en-GB): dates and
    /// numbers on cards, and the prompts of a user whose Teams client speaks another language.
    /// </summary>
    public static System.Globalization.CultureInfo RegionalCulture(string language) => language switch
    {
        "pt" => System.Globalization.CultureInfo.GetCultureInfo("pt-PT"),
        "es" => System.Globalization.CultureInfo.GetCultureInfo("es-ES"),
        "it" => System.Globalization.CultureInfo.GetCultureInfo("it-IT"),
        "tr" => System.Globalization.CultureInfo.GetCultureInfo("tr-TR"),
        "cs" => System.Globalization.CultureInfo.GetCultureInfo("cs-CZ"),
        _ => System.Globalization.CultureInfo.GetCultureInfo("en-GB"),
    };

    public string NameRules => string.Format(System.Globalization.CultureInfo.InvariantCulture, NameRulesFormat, ProfileDialog.MaxNameLength);

    public string OrganisationRules =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, OrganisationRulesFormat, ProfileDialog.MaxOrganisationLength);

    /// <summary>"Hello, Ana! …"; without a name (the name question gave up with none to keep) "Hello! …".</summary>
    public string Greeting(string name) => string.IsNullOrEmpty(name)
        ? GreetingFormat.Replace(", {0}", "", StringComparison.Ordinal).Replace(" {0}", "", StringComparison.Ordinal)
        : string.Format(System.Globalization.CultureInfo.InvariantCulture, GreetingFormat, NameRule.ForPlainMessage(name));

    /// <summary>
    /// The greeting in a group chat or a channel: "Hello, &lt;at&gt;Ana Sousa&lt;/at&gt;! …" — the sender's @mention
    /// (<c>MentionHelper.Mention</c>'s text, exactly) stands for the name, so Teams shows whom it answers and notifies them.
    /// </summary>
    public string GreetingMentioning(string mentionText) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, GreetingFormat, mentionText);

    public string YouAreWelcome => string.Format(System.Globalization.CultureInfo.InvariantCulture, YouAreWelcomeFormat, HelpWord);

    public string ExchangeRules =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ExchangeRulesFormat, Exchanges.ExchangeTexts.Resolve(Language).ApplyCommands[0]);

    public string PrivacyAnswer => string.Format(System.Globalization.CultureInfo.InvariantCulture, PrivacyAnswerFormat, DeleteDataCommands[0]);

    public string Declined => string.Format(System.Globalization.CultureInfo.InvariantCulture, DeclinedFormat, HelpWord);

    public string ConfirmNameRetry(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmNameRetryFormat, NameRule.ForMessage(name));

    /// <summary>
    /// Added to a question typed answers to in a group chat or channel, where Teams gives the bot only the messages that
    /// @mention it: how to answer so that the answer arrives. <paramref name="botName"/> is the bot's name in the chat.
    /// </summary>
    public string MentionMeInGroup(string botName) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MentionMeInGroupFormat, botName);

    public string AnswerInThread(string botName) => string.Format(System.Globalization.CultureInfo.InvariantCulture, AnswerInThreadFormat, botName);

    public string ButtonNotForYou(string botName) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ButtonNotForYouFormat, botName);

    public string ConfirmName(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmNameFormat, NameRule.ForMessage(name));

    public string ConfirmOrganisationName(string typed) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmOrganisationNameFormat, NameRule.ForMessage(typed));

    public string ConfirmOrganisationNameRetry(string typed) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmOrganisationNameRetryFormat, NameRule.ForMessage(typed));

    public string ConfirmOrganisationMeant(string name) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmOrganisationMeantFormat, NameRule.ForMessage(name));

    public string ConfirmOrganisationMeantRetry(string name) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmOrganisationMeantRetryFormat, NameRule.ForMessage(name));

    /// <summary><see cref="LeaveUnfinishedForFormat"/> naming <paramref name="request"/> (shown as typed: Markdown escaped).</summary>
    public string LeaveUnfinishedFor(string request) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, LeaveUnfinishedForFormat, NameRule.ForMessage(request));

    /// <summary><see cref="LeaveUnfinishedForRetryFormat"/> naming <paramref name="request"/>.</summary>
    public string LeaveUnfinishedForRetry(string request) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, LeaveUnfinishedForRetryFormat, NameRule.ForMessage(request));

    public string ConfirmNameAgain(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmNameAgainFormat, NameRule.ForMessage(name));

    public string ProfileIntro(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var language = All.FirstOrDefault(t => t.Language == profile.Language)?.LanguageName ?? profile.Language;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, ProfileIntroFormat, Shown(profile.Name), Shown(profile.Organisation), language);

        // A name or organisation left unset (its question gave up): "—".
        static string Shown(string value) => value.Length > 0 ? NameRule.ForPlainMessage(value) : ConversationTurn.UnknownName;
    }

    public string ProfileSaved(string name) => string.IsNullOrEmpty(name)
        ? ProfileSavedWithoutName
        : string.Format(System.Globalization.CultureInfo.InvariantCulture, ProfileSavedFormat, NameRule.ForPlainMessage(name));

    public string NameKept(string name) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, NameKeptFormat, NameRule.ForPlainMessage(name), ProfileWord);

    public string NameNeededToSubmit => string.Format(System.Globalization.CultureInfo.InvariantCulture, NameNeededToSubmitFormat, ProfileWord);

    public string NameUnset => string.Format(System.Globalization.CultureInfo.InvariantCulture, NameUnsetFormat, ProfileWord);

    public string OrganisationKept(string organisation) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, OrganisationKeptFormat, NameRule.ForPlainMessage(organisation), ProfileWord);

    public string ConfirmOrganisationKept(string organisation) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmOrganisationKeptFormat, NameRule.ForMessage(organisation));

    public string ConfirmOrganisationKeptRetry(string organisation) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ConfirmOrganisationKeptRetryFormat, NameRule.ForMessage(organisation));

    public string OrganisationUnset => string.Format(System.Globalization.CultureInfo.InvariantCulture, OrganisationUnsetFormat, ProfileWord);

    public string ComingSoon(string journey) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ComingSoonFormat, journey);

    public string FormIncomplete(IEnumerable<string> missing) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, FormIncompleteFormat, string.Join(", ", missing));

    public string FormInvalid(IEnumerable<string> invalid) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, FormInvalidFormat, string.Join(", ", invalid));

    public string LookingFor(string details) => string.Format(System.Globalization.CultureInfo.InvariantCulture, LookingForFormat, details);
}
