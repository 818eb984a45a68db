using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// First use: the name (Teams' <c>from.name</c>, confirmed or typed), the organisation (typed, resolved through
/// <see cref="IOrganisationLookup"/>) and the preferred language; saves a <see cref="UserProfile"/> and ends with it.
/// Nothing asked here grants a role.
/// </summary>
internal sealed class ProfileDialog : ComponentDialog
{
    public const string DialogId = "profile";

    /// <summary>Options for a profile being changed (not a first contact): no greeting before the name.</summary>
    public const string AgainOption = "again";

    private const string StepsId = "profile.steps";
    private const string ConfirmNamePrompt = "profile.confirmName";
    private const string NamePrompt = "profile.name";
    private const string NameFirstUsePrompt = "profile.nameFirstUse";
    private const string OrganisationPrompt = "profile.organisation";
    private const string OrganisationAgainPrompt = "profile.organisationAgain";
    private const string OrganisationChoicePrompt = "profile.organisationChoice";
    private const string OrganisationConfirmPrompt = "profile.organisationConfirm";
    private const string OrganisationMeantPrompt = "profile.organisationMeant";
    private const string OrganisationStepsId = "profile.organisationSteps";
    private const string LanguagePrompt = "profile.language";
    private const string OrganisationKeepStepsId = "profile.organisationKeepSteps";
    private const string OrganisationKeptPrompt = "profile.organisationKept";

    private readonly ConversationStates states;
    private readonly IOrganisationLookup organisations;
    private readonly ILogger<ProfileDialog> logger;

    public ProfileDialog(ConversationStates states, IOrganisationLookup organisations, ILogger<ProfileDialog> logger)
        : base(DialogId)
    {
        this.states = states;
        this.organisations = organisations;
        this.logger = logger;
        AddDialog(new WaterfallDialog(StepsId, [ConfirmTeamsNameAsync, AskNameAsync, AskOrganisationAsync, AskLanguageAsync, SaveProfileAsync]));
        // Until the profile is saved the bot speaks the Teams client's language of each turn, which may change between
        // two answers (a desktop in English, then a phone in Portuguese): every question is said again in this turn's
        // language (Localize), so that a message and its buttons never mix two.
        // Every question has a retry and a limit: after ProfileAttempts answers it cannot use, the name and organisation
        // questions keep what there is (the Teams name, the name or organisation saved before) or leave it unset, say so
        // and how to set it later ("my profile"), and go on — never asked again and again.
        // "No, call me Ana please" / "call me Ana" instead of a yes or no: a no, with the name in it (AskNameAsync).
        AddDialog(new ConfirmPrompt(ConfirmNamePrompt, (prompt, _) => Task.FromResult(
            prompt.Recognized.Succeeded || NamedInConfirmAnswer(prompt.Context) is not null))
        {
            RecognizeAnyLanguage = true,   // the language is not known yet
            Localize = (context, options) => ConfirmNameOptions(context.GetTexts(), options.Validations),
        });
        AddDialog(new TextPrompt(NamePrompt, (prompt, cancellationToken) => IsPersonNameAsync(prompt, firstUse: false, cancellationToken))
        {
            Localize = (context, options) => NameOptions(context, Kept(options.Validations)),
        });
        // At first use a request typed at the name question ("find partners in Italy") is kept and run once the profile
        // is saved, as at the organisation question (NameFirst, then the question again).
        AddDialog(new TextPrompt(NameFirstUsePrompt, (prompt, cancellationToken) => IsPersonNameAsync(prompt, firstUse: true, cancellationToken))
        {
            Localize = (context, options) => NameOptions(context, Kept(options.Validations)),
        });
        AddDialog(new TextPrompt(OrganisationPrompt, (prompt, _) => Task.FromResult(IsOneLine(prompt, MaxOrganisationLength)))
        {
            Localize = (context, options) => OrganisationOptions(context, Kept(options.Validations)),
        });
        AddDialog(new ChoicePrompt(LanguagePrompt) { Localize = (context, _) => LanguageOptions(context.GetTexts()) });

        // The organisation resolved against the directory (IOrganisationLookup): its own steps, so that the main steps
        // keep their places. "CITEVE", "Tecnotessile", "NTT" are taken; a name several organisations may have ("Textil")
        // is a short choice with "None of these", which asks for the name again; "Ana" names no organisation (no
        // substring inside a word) and is kept as typed, without an id.
        AddDialog(new WaterfallDialog(OrganisationStepsId, [AskOrganisationNameAsync, ResolveOrganisationAsync, KeepChosenOrganisationAsync]));
        AddDialog(new TextPrompt(OrganisationAgainPrompt, (prompt, _) => Task.FromResult(IsOneLine(prompt, MaxOrganisationLength)))
        {
            Localize = (context, options) => OrganisationOptions(context, Kept(options.Validations), again: true),
        });
        AddDialog(new ChoicePrompt(OrganisationChoicePrompt));

        // Asked again ("my profile") with an organisation saved: "Is your organisation still CITEVE?" — a yes keeps it
        // with its directory entry; only a no asks for the name. (Asked for the name straight away, "yes" or "same"
        // became the organisation, and the directory entry the exchange form needs was lost.)
        AddDialog(new WaterfallDialog(OrganisationKeepStepsId, [AskOrganisationKeptAsync, KeepOrAskOrganisationAsync, EndOrganisationKeepAsync]));
        // "No, it's AITEX" / "não, é a AITEX" / "ne, je to AITEX": a no, with the new organisation's name in it (taken,
        // looked up in the directory as if typed at the organisation question); "I'm now at AITEX", "ora sono in NTT",
        // "trabalho no CITEVE" instead of a yes or no: where the user works now, taken the same way.
        // "continua", "sigue siendo", "è ancora", "hâlâ öyle", "pořád je": a yes that echoes the question (it was asked again).
        // A lead-in before ordinary words ("I'm with my colleague", "estou em casa", "sono in ufficio") names no organisation:
        // the yes or no is asked again and the saved one kept (NewOrganisationInKeptAnswerAsync).
        AddDialog(new ConfirmPrompt(OrganisationKeptPrompt, async (prompt, cancellationToken) =>
            prompt.Recognized.Succeeded || ProfileAnswers.SaysStill(prompt.Context.Activity.Text)
            || await NewOrganisationInKeptAnswerAsync(prompt.Context, Kept(prompt.Options.Validations), cancellationToken).ConfigureAwait(false) is not null)
        {
            RecognizeAnyLanguage = true,
            Localize = (context, options) => OrganisationKeptOptions(context.GetTexts(), Kept(options.Validations)),
        });

        // "Find Partners", "textile exchange lab" at the first-use question: a name or a request? Asked (yes/no in any of
        // the six languages, which are not known yet) rather than guessed (OrganisationAnswer).
        // "No, it's CITEVE" / "não, é a CITEVE" / "ne, je to CLUTEX": a no, with the organisation's name in it (taken).
        AddDialog(new ConfirmPrompt(OrganisationConfirmPrompt, (prompt, _) => Task.FromResult(
            prompt.Recognized.Succeeded || NamedInOrganisationConfirmAnswer(prompt.Context) is not null))
        {
            RecognizeAnyLanguage = true,
            Localize = (context, options) => OrganisationConfirmOptions(context.GetTexts(), Kept(options.Validations)),
        });

        // "estou em casa", "I'm at home", "lavoro da casa" at either organisation question, with a CASA or HOME listed: a
        // directory name there only as an ordinary word in lower case was taken silently as the organisation. It is asked
        // about — "Do you mean the organisation “CASA”?" — as a yes takes it in one turn for someone who does work there
        // and types in lower case, where refusing it would leave them no way but capitals; a no names no organisation.
        AddDialog(new ConfirmPrompt(OrganisationMeantPrompt)
        {
            RecognizeAnyLanguage = true,
            Localize = (context, options) => OrganisationMeantOptions(context.GetTexts(), Kept(options.Validations)),
        });
    }

    /// <summary>"Do you mean the organisation …?" — <paramref name="validations"/> keeps the name kept if it gives up and the directory name, one line each.</summary>
    private static PromptOptions OrganisationMeantOptions(ConversationTexts texts, string validations) =>
        KeptAndAskedOptions(texts, validations, texts.ConfirmOrganisationMeant, texts.ConfirmOrganisationMeantRetry);

    /// <summary>Asks whether the directory organisation <paramref name="meant"/> is meant (<see cref="OrganisationMeantAsync"/>), kept in the step's values.</summary>
    private static async Task<DialogTurnResult> AskOrganisationMeantAsync(WaterfallStepContext step, string kept, OrganisationMatch meant, CancellationToken cancellationToken)
    {
        step.Values["meant"] = meant;
        return await step.PromptAsync(OrganisationMeantPrompt, OrganisationMeantOptions(step.Context.GetTexts(), kept + "\n" + meant.Name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The directory organisation <paramref name="name"/> surely means when it is there only as an ordinary word of the
    /// answer <paramref name="typed"/> ("estou em casa" with a CASA listed, <see cref="OrganisationAnswer.IsOnlyAnOrdinaryWordThere"/>):
    /// asked about, not taken. Null when the name is more than that (then it is looked up and taken as before).
    /// </summary>
    private async Task<OrganisationMatch?> OrganisationMeantAsync(string typed, string name, CancellationToken cancellationToken)
    {
        if (name.Any(char.IsUpper) || !OrganisationAnswer.IsOnlyOrdinaryWords(name))
        {
            return null;
        }

        var sure = (await organisations.FindAsync(name, MaxOrganisationChoices, cancellationToken).ConfigureAwait(false)).Sure;
        return sure is not null && OrganisationAnswer.IsOnlyAnOrdinaryWordThere(typed, name, sure.Name) ? sure : null;
    }

    /// <summary>The most directory organisations offered for one answer to the organisation question (then "None of these").</summary>
    public const int MaxOrganisationChoices = 5;

    /// <summary>
    /// The answers to the language question before it gives up: typing a request there instead ("kaydımı iptal et")
    /// three times keeps the language the questions were asked in (<see cref="ConversationTexts.LanguageKept"/>).
    /// </summary>
    public const int LanguageAttempts = 3;

    /// <summary>The language question in <paramref name="texts"/>' language, with the six languages as choices.</summary>
    public static PromptOptions LanguageOptions(ConversationTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var options = PromptOptions.Text(texts.AskLanguage, texts.AskLanguageRetry);
        options.Choices = LanguageChoices();
        options.MaxAttempts = LanguageAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.LanguageKept);
        return options;
    }

    /// <summary>The answers the name, "shall I call you …?" and organisation questions take before they give up.</summary>
    public const int ProfileAttempts = 3;

    /// <summary>
    /// The journey requests a first-use name or organisation question keeps without using one of its tries ("find
    /// partners in Italy" typed there: the latest is run once the profile is saved), as a menu button clicked there uses
    /// none. Past these a request uses a try like any answer the question cannot use, so that the question still ends.
    /// </summary>
    public const int RequestsWithoutTry = ProfileAttempts;

    /// <summary>How many requests the first-use name question has kept without a try (<see cref="RequestsWithoutTry"/>), in its state.</summary>
    private const string NamePromptRequestsKey = "requestsKept";

    /// <summary>
    /// A journey request typed at the first-use name question, while it has <see cref="RequestsWithoutTry"/> left: kept
    /// (the latest), NameFirst said and the question asked again without using one of its tries — as a menu button
    /// clicked there is. The name question decides as its validator does (<see cref="RequestTypedAsName"/>), so a name
    /// that looks like a command ("Maria Partner", "Find Partners") is still taken; past the cap the validator reads the
    /// request as before (one of the tries).
    /// </summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var activity = innerDc.Context.Activity;
        if (innerDc.ActiveDialog is { Id: NameFirstUsePrompt } question
            && activity.IsType(ActivityTypes.Message) && activity.Value is null
            && question.State.GetValue<int>(NamePromptRequestsKey) is var kept && kept < RequestsWithoutTry
            && RequestTypedAsName(innerDc.Context) is { } request)
        {
            question.State[NamePromptRequestsKey] = kept + 1;
            question.State[NamePromptRequestKey] = request;
            await innerDc.Context.SendActivityAsync(ConversationTurn.Plain(innerDc.Context.GetTexts().NameFirst), cancellationToken).ConfigureAwait(false);
            await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The name question; <paramref name="kept"/> is the name kept when it gives up ("" for none).</summary>
    private static PromptOptions NameOptions(ITurnContext context, string kept)
    {
        var texts = context.GetTexts();
        var options = InGroup(context, texts, PromptOptions.Text(texts.AskName, texts.NameRules));
        options.Validations = kept;
        options.MaxAttempts = ProfileAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(kept.Length > 0 ? texts.NameKept(kept) : texts.NameUnset);
        return options;
    }

    /// <summary>The organisation question; <paramref name="kept"/> is the one kept when it gives up ("" for none).</summary>
    private static PromptOptions OrganisationOptions(ITurnContext context, string kept, bool again = false)
    {
        var texts = context.GetTexts();
        var options = InGroup(context, texts, PromptOptions.Text(again ? texts.AskOrganisationAgain : texts.AskOrganisation, texts.OrganisationRules));
        options.Validations = kept;
        options.MaxAttempts = ProfileAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(kept.Length > 0 ? texts.OrganisationKept(kept) : texts.OrganisationUnset);
        return options;
    }

    /// <summary>
    /// "Is “…” the name of your organisation?"; <paramref name="validations"/> keeps the organisation kept if it gives up
    /// and the answer asked about, one line each (neither holds a line break: <see cref="NameRule"/>).
    /// </summary>
    private static PromptOptions OrganisationConfirmOptions(ConversationTexts texts, string validations) =>
        KeptAndAskedOptions(texts, validations, texts.ConfirmOrganisationName, texts.ConfirmOrganisationNameRetry);

    /// <summary>
    /// A yes/no question about one name of <paramref name="validations"/> — the organisation kept if it gives up, then the
    /// name asked about, one line each — with its retry; after <see cref="ProfileAttempts"/> the kept one (or none) is said.
    /// </summary>
    private static PromptOptions KeptAndAskedOptions(ConversationTexts texts, string validations, Func<string, string> question, Func<string, string> retry)
    {
        var lines = validations.Split('\n', 2);
        var kept = lines[0];
        var asked = lines.Length > 1 ? lines[1] : "";
        var options = PromptOptions.Text(question(asked), retry(asked));
        options.Validations = validations;
        options.MaxAttempts = ProfileAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(kept.Length > 0 ? texts.OrganisationKept(kept) : texts.OrganisationUnset);
        return options;
    }

    /// <summary>
    /// A question answered by typing, asked in a group chat or channel: Teams gives the bot only the messages that
    /// @mention it there, so the question and its retry say how to answer (an answer without the mention never arrives).
    /// </summary>
    private static PromptOptions InGroup(ITurnContext context, ConversationTexts texts, PromptOptions options)
    {
        if (!context.Activity.IsGroupConversation())
        {
            return options;
        }

        var hint = texts.MentionMeInGroup(context.Activity.BotName());
        options.Prompt!.Text += "\n\n" + hint;
        if (options.RetryPrompt is { } retry)
        {
            retry.Text += "\n\n" + hint;
        }

        return options;
    }

    /// <summary>A string kept in a prompt's options (a string, or a JSON string once the state was stored).</summary>
    private static string Kept(object? validations) => validations switch
    {
        string text => text,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } element => element.GetString() ?? "",
        _ => "",
    };

    /// <summary>"Shall I call you …?" — <paramref name="validations"/> keeps the name and whether it is a first contact.</summary>
    private static PromptOptions ConfirmNameOptions(ConversationTexts texts, object? validations)
    {
        var kept = Kept(validations);
        var again = kept.StartsWith(AgainPrefix, StringComparison.Ordinal);
        var name = kept[(again ? AgainPrefix.Length : FirstPrefix.Length)..];
        var options = PromptOptions.Text(again ? texts.ConfirmNameAgain(name) : texts.ConfirmName(name), texts.ConfirmNameRetry(name));
        options.Validations = kept;
        options.MaxAttempts = ProfileAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.NameKept(name));   // no yes or no: the name offered
        return options;
    }

    private const string AgainPrefix = "again:";
    private const string FirstPrefix = "first:";

    private async Task<DialogTurnResult> ConfirmTeamsNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // What a question that gives up keeps: the name and organisation saved before (a profile asked again).
        var saved = await states.GetProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        step.Values["savedName"] = saved?.Name is { } savedName && KeepsNameRules(savedName) ? savedName : "";
        step.Values["savedOrganisation"] = saved?.Organisation is { Length: > 0 } savedOrganisation && NameRule.Keeps(savedOrganisation, MaxOrganisationLength)
            ? savedOrganisation
            : "";
        step.Values["savedOrganisationId"] = saved?.OrganisationId;

        // The name offered for a yes: asked again ("my profile"), the name they saved — not the Teams name they may
        // have declined the first time; else the Teams display name, which is the user's to choose too: one that breaks
        // the name rules (a link, formatting, too long, several lines) is not offered — the name is asked for, with the rules.
        var again = Equals(step.Options, AgainOption) || step.Options is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } o && o.GetString() == AgainOption;
        step.Values["again"] = again;
        var teamsName = again && step.GetValue<string>("savedName") is { Length: > 0 } nameSaved
            ? nameSaved
            : step.Context.Activity.From?.Name?.Trim();
        if (string.IsNullOrEmpty(teamsName) || !KeepsNameRules(teamsName))
        {
            return await step.NextAsync(false, cancellationToken).ConfigureAwait(false);
        }

        step.Values["teamsName"] = teamsName;
        step.Values["offeredSaved"] = again && teamsName == step.GetValue<string>("savedName");
        var options = ConfirmNameOptions(step.Context.GetTexts(), (again ? AgainPrefix : FirstPrefix) + teamsName);
        return await step.PromptAsync(ConfirmNamePrompt, options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AskNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // Yes — or no yes or no after the question's attempts (NameKept was said): the Teams name offered.
        if (step.Result is true or PromptAttemptsExceeded && step.GetValue<string>("teamsName") is { } teamsName)
        {
            return await step.NextAsync(teamsName, cancellationToken).ConfigureAwait(false);
        }

        // "No, call me Ana please": a no that names the name — taken, as if typed at the name question.
        if (step.Result is false && step.GetValue<string>("teamsName") is not null && NamedInConfirmAnswer(step.Context) is { } named)
        {
            return await step.NextAsync(named, cancellationToken).ConfigureAwait(false);
        }

        // Kept if this question gives up: the name saved before (a profile asked again) — never the Teams name, which
        // the user has just declined (or which was not offered): then the name stays unset.
        // (Asked again, the name offered was the saved one: a no to it is a wish to change it, and the saved name stays
        // if no usable one comes.)
        var declined = step.GetValue<string>("teamsName");
        var kept = step.GetValue<string>("savedName") is { Length: > 0 } savedName && (savedName != declined || step.GetValue<bool>("offeredSaved")) ? savedName : "";
        step.Values["keptName"] = kept;
        var prompt = step.GetValue<bool>("again") ? NamePrompt : NameFirstUsePrompt;
        return await step.PromptAsync(prompt, NameOptions(step.Context, kept), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> AskOrganisationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // A name, or none after the name question's attempts (NameKept / NameUnset was said): the one it kept.
        // "my name is Ana", "Chamo-me Ana Costa", "Benim adım Ayşe": the name without its lead-in.
        step.Values["name"] = step.Result is string typed ? ProfileAnswers.Name(typed, BenIsIAm(step.Context)) : step.GetValue<string>("keptName") ?? "";
        var kept = step.GetValue<string>("savedOrganisation") ?? "";
        if (step.GetValue<bool>("again") && kept.Length > 0)
        {
            var saved = new OrganisationMatch(kept, step.GetValue<string>("savedOrganisationId"));
            return await step.BeginDialogAsync(OrganisationKeepStepsId, new KeptOrganisationQuestion(saved, MeantRefused: 0), cancellationToken).ConfigureAwait(false);
        }

        // A request typed at the first-use name question (NameFirst was said): kept, and run once the profile is saved
        // unless another one is typed at the organisation question.
        var request = step.Context.TurnState.TryGetValue(NameRequestKey, out var typedRequest) && typedRequest is string { Length: > 0 } nameRequest ? nameRequest : null;
        step.Values["request"] = request;
        var question = new OrganisationQuestion(kept, [], Again: false, Declined: null) { FirstUse = !step.GetValue<bool>("again"), Request = request };
        return await step.BeginDialogAsync(OrganisationStepsId, question, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Is your organisation still …?"; <paramref name="kept"/> is the organisation saved before.</summary>
    private static PromptOptions OrganisationKeptOptions(ConversationTexts texts, string kept)
    {
        var options = PromptOptions.Text(texts.ConfirmOrganisationKept(kept), texts.ConfirmOrganisationKeptRetry(kept));
        options.Validations = kept;
        options.MaxAttempts = ProfileAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.OrganisationKept(kept));
        return options;
    }

    /// <summary>
    /// The "no"s to "Do you mean the organisation …?" in one asking of "Is your organisation still …?" after which the
    /// saved organisation is kept: each no asked the still-question again with fresh tries, so "estou em casa", "não"
    /// could go round for ever.
    /// </summary>
    public const int MeantRefusals = 2;

    /// <summary>What the "still" steps start with: the organisation saved, and the "no"s to the organisation meant so far in this asking.</summary>
    private sealed record KeptOrganisationQuestion(OrganisationMatch Saved, int MeantRefused);

    private static async Task<DialogTurnResult> AskOrganisationKeptAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var question = step.Options as KeptOrganisationQuestion ?? new KeptOrganisationQuestion(new OrganisationMatch("", null), MeantRefused: 0);
        var saved = question.Saved;
        step.Values["keptName"] = saved.Name;
        step.Values["keptId"] = saved.Id;
        step.Values["meantRefused"] = question.MeantRefused;
        return await step.PromptAsync(OrganisationKeptPrompt, OrganisationKeptOptions(step.Context.GetTexts(), saved.Name), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> KeepOrAskOrganisationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var kept = step.GetValue<string>("keptName") ?? "";
        var still = ProfileAnswers.SaysStill(step.Context.Activity.Text);
        var named = step.Result is PromptAttemptsExceeded || still
            ? null
            : await NewOrganisationInKeptAnswerAsync(step.Context, kept, cancellationToken).ConfigureAwait(false);
        if (named is not null && await OrganisationMeantAsync(step.Context.Activity.Text ?? "", named, cancellationToken).ConfigureAwait(false) is { } meant)
        {
            // "estou em casa" with a CASA listed: asked about; a no asks "Is your organisation still …?" again.
            return await AskOrganisationMeantAsync(step, kept, meant, cancellationToken).ConfigureAwait(false);
        }

        if ((step.Result is false && !still) || named is not null)
        {
            // "No, it's AITEX", "I'm now at AITEX", "yes, now at AITEX": the name given is the answer to the organisation
            // question, which is not asked.
            var question = new OrganisationQuestion(kept, [], Again: false, Declined: null)
            {
                FirstUse = false,
                Answer = named,
            };
            return await step.BeginDialogAsync(OrganisationStepsId, question, cancellationToken).ConfigureAwait(false);
        }

        // Yes — or no yes or no after the question's attempts (OrganisationKept was said): the saved one, with its id.
        return await step.EndDialogAsync(new OrganisationMatch(kept, step.GetValue<string>("keptId")), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> EndOrganisationKeepAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetValue<OrganisationMatch>("meant") is { } meant && step.Result is bool yes)
        {
            // "Do you mean the organisation “CASA”?" — yes: that one; no: the answer named none, and the saved one is asked
            // about again (as after "estou em casa" with no CASA listed) — up to MeantRefusals noes, then it is kept.
            if (yes)
            {
                return await step.EndDialogAsync(meant, cancellationToken).ConfigureAwait(false);
            }

            var saved = new OrganisationMatch(step.GetValue<string>("keptName") ?? "", step.GetValue<string>("keptId"));
            var refused = step.GetValue<int>("meantRefused") + 1;
            if (refused >= MeantRefusals)
            {
                await step.Context.SendActivityAsync(step.Context.GetTexts().OrganisationKept(saved.Name), cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(saved, cancellationToken).ConfigureAwait(false);
            }

            return await step.ReplaceDialogAsync(OrganisationKeepStepsId, new KeptOrganisationQuestion(saved, refused), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(step.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the organisation steps start with: the name kept if they give up; after "None of these", the ids declined and
    /// the name they were offered for (<paramref name="Declined"/>).
    /// </summary>
    private sealed record OrganisationQuestion(string Kept, List<string> DeclinedIds, bool Again, string? Declined)
    {
        /// <summary>A first contact (not "my profile"): a journey request typed here is kept and run once the profile is saved.</summary>
        public bool FirstUse { get; init; }

        /// <summary>The journey request typed at this question, kept (<see cref="IsJourneyRequest"/>).</summary>
        public string? Request { get; init; }

        /// <summary>
        /// How many answers at this question named no organisation (it gives up after <see cref="ProfileAttempts"/>): a
        /// journey request counts only past <see cref="RequestsWithoutTry"/> (<see cref="KeptRequests"/>).
        /// </summary>
        public int Requests { get; init; }

        /// <summary>How many journey requests this first-use question has kept without using a try (<see cref="RequestsWithoutTry"/>).</summary>
        public int KeptRequests { get; init; }

        /// <summary>
        /// An answer that may be a name or a request (<see cref="OrganisationAnswerKind.Unsure"/>): the steps ask whether it
        /// is the organisation's name instead of asking for one.
        /// </summary>
        public string? Confirm { get; init; }

        /// <summary>
        /// The organisation's name already given ("No, it's AITEX" at "Is your organisation still CITEVE?"): resolved
        /// as if typed at the question, which is not asked.
        /// </summary>
        public string? Answer { get; init; }
    }

    /// <summary>The journey request kept at the organisation question, handed to the next step in the same turn.</summary>
    private const string OrganisationRequestKey = "HiTechTex.ProfileOrganisationRequest";

    /// <summary>The journey request kept at the first-use name question, handed to the next step in the same turn.</summary>
    private const string NameRequestKey = "HiTechTex.ProfileNameRequest";

    /// <summary>The journey request typed at the first-use name question, kept in the prompt's state until it ends.</summary>
    private const string NamePromptRequestKey = "request";

    /// <summary>The journey request kept during the first-use questions, set in the turn that saves the profile.</summary>
    private const string RequestAfterProfileKey = "HiTechTex.ProfileRequestAfter";

    /// <summary>
    /// The journey request typed at the first-use organisation question instead of a name ("I need a dyeing partner in
    /// Italy"), set in the turn that has just saved the profile: the main dialog runs it then, as if typed now.
    /// </summary>
    public static string? RequestAfterProfile(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(RequestAfterProfileKey, out var request) && request is string { Length: > 0 } text ? text : null;

    /// <summary>
    /// Forgets the request typed at the first-use questions and kept for after the profile (<see cref="RequestAfterProfile"/>)
    /// when a later one replaces it — a menu button clicked there, which the main dialog keeps: only the latest request
    /// is run. <paramref name="profileDc"/> is the context of the profile dialog's own stack; what is kept sits in its
    /// steps' values and in the name question's state.
    /// </summary>
    internal static void ForgetKeptRequest(DialogContext profileDc)
    {
        ArgumentNullException.ThrowIfNull(profileDc);
        for (DialogContext? dc = profileDc; dc is not null; dc = dc.Child)
        {
            foreach (var instance in dc.Stack)
            {
                if (instance.Id is NameFirstUsePrompt)
                {
                    instance.State.Remove(NamePromptRequestKey);
                }
                else if (instance.Id is StepsId or OrganisationStepsId)
                {
                    WaterfallDialog.ValuesOf(instance).Remove("request");
                }
            }
        }
    }

    /// <summary>
    /// What is said when a request made at the first-use question <paramref name="promptId"/> (the id of the prompt that
    /// waits) is kept for after the profile: the words a request typed at the name or organisation question gets there
    /// (<see cref="ConversationTexts.NameFirst"/>, <see cref="ConversationTexts.OrganisationFirst"/>), else
    /// <see cref="ConversationTexts.ProfileFirst"/> ("shall I call you …?", the language).
    /// </summary>
    internal static string RequestKeptFor(ConversationTexts texts, string? promptId)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return promptId switch
        {
            NamePrompt or NameFirstUsePrompt => texts.NameFirst,
            OrganisationPrompt or OrganisationAgainPrompt or OrganisationChoicePrompt or OrganisationConfirmPrompt or OrganisationMeantPrompt
                or OrganisationKeptPrompt => texts.OrganisationFirst,
            _ => texts.ProfileFirst,
        };
    }

    /// <summary>
    /// The lowest score of a journey request typed at the organisation question (<see cref="OrganisationAnswer.JourneyRequestScore"/>).
    /// </summary>
    internal const double JourneyRequestScore = OrganisationAnswer.JourneyRequestScore;

    /// <summary>
    /// Whether an answer to the organisation question is surely a journey request, not a name (<see cref="OrganisationAnswer"/>):
    /// "find partners in Italy", "quero candidatar-me a um intercâmbio"; a name with journey words ("Partner Search Europe",
    /// "Coaching Textil Lda") is none, and one that could be either ("Find Partners") is asked about.
    /// </summary>
    internal static bool IsJourneyRequest(string? text) => OrganisationAnswer.Read(text) == OrganisationAnswerKind.Request;

    /// <summary>Ends the organisation steps with <paramref name="result"/>, handing on a journey request kept there.</summary>
    private static Task<DialogTurnResult> EndOrganisationAsync(WaterfallStepContext step, object? result, CancellationToken cancellationToken)
    {
        if (step.GetValue<string>("request") is { Length: > 0 } request)
        {
            step.Context.TurnState[OrganisationRequestKey] = request;
        }

        return step.EndDialogAsync(result, cancellationToken);
    }

    private static async Task<DialogTurnResult> AskOrganisationNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var question = step.Options as OrganisationQuestion ?? new OrganisationQuestion("", [], Again: false, Declined: null);
        step.Values["kept"] = question.Kept;
        step.Values["declinedIds"] = question.DeclinedIds;
        step.Values["declined"] = question.Declined;
        step.Values["firstUse"] = question.FirstUse;
        step.Values["request"] = question.Request;
        step.Values["requests"] = question.Requests;
        step.Values["keptRequests"] = question.KeptRequests;
        step.Values["confirm"] = question.Confirm;
        if (question.Answer is { Length: > 0 } answer)
        {
            return await step.NextAsync(answer, cancellationToken).ConfigureAwait(false);
        }

        var texts = step.Context.GetTexts();
        if (question.Confirm is { Length: > 0 } asked)
        {
            return await step.PromptAsync(OrganisationConfirmPrompt, OrganisationConfirmOptions(texts, question.Kept + "\n" + asked), cancellationToken).ConfigureAwait(false);
        }

        return question.Again
            ? await step.PromptAsync(OrganisationAgainPrompt, OrganisationOptions(step.Context, question.Kept, again: true), cancellationToken).ConfigureAwait(false)
            : await step.PromptAsync(OrganisationPrompt, OrganisationOptions(step.Context, question.Kept), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ResolveOrganisationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // "Is “Find Partners” the name of your organisation?": yes — the name, looked up as if typed; no — the request.
        bool? confirmedName = null;
        string typed;
        if (step.GetValue<string>("confirm") is { Length: > 0 } asked)
        {
            if (step.Result is not bool answer)
            {
                // No yes or no after the question's attempts (OrganisationKept / OrganisationUnset was said).
                return await EndOrganisationAsync(step, step.Result, cancellationToken).ConfigureAwait(false);
            }

            typed = asked;
            confirmedName = answer;
            if (!answer && CommandInOrganisationConfirmAnswer(step.Context, asked) is { } command)
            {
                // "No, it's Find Partners": what the no names is what was asked about, or another request — no
                // organisation's name (before, it was saved as the name and run as the request too). A no: the request
                // is kept (run once the profile is saved) and the organisation asked for.
                typed = command;
            }
            else if (!answer && NamedInOrganisationConfirmAnswer(step.Context) is { } named)
            {
                // "No, it's CITEVE": what was asked about is the request (run once the profile is saved), and the name
                // given is the organisation's, looked up as if typed at the question.
                step.Values["request"] = asked;
                typed = named;
                confirmedName = true;
            }
        }
        else if (step.Result is string answered)
        {
            typed = answered;
            if (ProfileAnswers.GivesNoOrganisation(answered))
            {
                // "I don't know", "prefiero no decirlo", "nevím": no organisation's name (it was saved as one) — left as the
                // question leaves it when it gives up (the one saved before, else unset), said, and the profile goes on.
                var said = step.Context.GetTexts();
                var kept = step.GetValue<string>("kept") ?? "";
                await step.Context.SendActivityAsync(kept.Length > 0 ? said.OrganisationKept(kept) : said.OrganisationUnset, cancellationToken).ConfigureAwait(false);
                return await EndOrganisationAsync(step, null, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // No usable answer after the question's attempts (OrganisationKept / OrganisationUnset was said).
            return await EndOrganisationAsync(step, step.Result, cancellationToken).ConfigureAwait(false);
        }

        // "I work for CITEVE", "Trabalho na CITEVE", "CITEVE'de çalışıyorum": the organisation without its lead-in.
        var name = ProfileAnswers.Organisation(typed).Trim();
        if (step.GetValue<string>("declined") is { } declined && string.Equals(TypedCommand.Fold(declined), TypedCommand.Fold(name), StringComparison.Ordinal))
        {
            // "None of these", then the same name again: it is not in the directory — kept as typed, without an id.
            return await EndOrganisationAsync(step, new OrganisationMatch(name, null), cancellationToken).ConfigureAwait(false);
        }

        // "who is CLUTEX?", "kdo je CLUTEX?", "CITEVE nedir?": a question about an organisation, not the user's own (no one
        // answers "which organisation do you work for?" with "who is …?") — a request: kept and answered with that
        // organisation's details once the profile is saved (NamedOrganisation), and the question asked again. (Saved as
        // the organisation, it was "kdo je CLUTEX?" without a directory entry.)
        var asksAbout = confirmedName is null && await AsksAboutAnOrganisationAsync(typed, cancellationToken).ConfigureAwait(false);
        if (confirmedName is null && !asksAbout && AsksAboutTheQuestion(typed))
        {
            // "what is this?", "who is that?", "o que é isto?": a name asked about that no listed organisation has is a
            // question about this question (kept as a request, it got "I didn't understand" after the profile) — why the
            // organisation is asked, then the question again; the answer is kept nowhere.
            return await AskOrganisationAgainAsync(step, step.Context.GetTexts().WhyOrganisationAsked, step.GetValue<string>("request"), cancellationToken).ConfigureAwait(false);
        }

        var found = asksAbout ? OrganisationLookupResult.None : await organisations.FindAsync(name, MaxOrganisationChoices, cancellationToken).ConfigureAwait(false);
        if (found.Sure is { } meant && confirmedName is null && OrganisationAnswer.IsOnlyAnOrdinaryWordThere(typed, name, meant.Name))
        {
            // "estou em casa", "I'm at home" with a CASA or HOME listed: asked about, not taken (it was saved silently);
            // a no is an answer that names no organisation (the question again, one of its tries).
            return await AskOrganisationMeantAsync(step, step.GetValue<string>("kept") ?? "", meant, cancellationToken).ConfigureAwait(false);
        }

        if (found.Sure is { } sure)
        {
            return await EndOrganisationAsync(step, sure, cancellationToken).ConfigureAwait(false);
        }

        // "I'm with my colleague", "estou em casa", "sono in ufficio": a lead-in before ordinary words and pronouns names
        // no organisation (it was saved as "my colleague") — said so, and the question again (one of its tries).
        if (confirmedName is null && !asksAbout && ProfileAnswers.OrganisationAfterLeadIn(typed) is not null && OrganisationAnswer.IsOnlyOrdinaryWords(name))
        {
            return await AskOrganisationAgainAsync(step, step.Context.GetTexts().OrganisationNotNamed, step.GetValue<string>("request"), cancellationToken).ConfigureAwait(false);
        }

        // "ispanyada partner arıyorum", "I need a dyeing partner in Italy", "quero candidatar-me a um intercâmbio" at the
        // first-use question: a request, not a name ("Partner Textiles Lda", "Partner Search Europe" are names) — nothing
        // is saved as the organisation; the request is kept and run once the profile is saved, and the question asked
        // again (up to ProfileAttempts times, then the organisation stays unset like any question that gives up). One
        // that may be either ("Find Partners") is asked about: "Is “Find Partners” the name of your organisation?".
        var reading = asksAbout ? OrganisationAnswerKind.Request : confirmedName switch
        {
            true => OrganisationAnswerKind.Name,
            false => OrganisationAnswerKind.Request,
            // "my profile": only a sure request is refused (it was saved as the organisation); it is not kept, as the
            // profile is already there (as at its name question). One a journey answers does not get here, nor "who is
            // CLUTEX?" when the partner search answers it: the main dialog asks about leaving for it
            // (IsRequestAtChangedQuestion, OrganisationAskedAboutAtChangedQuestionAsync).
            null => step.GetValue<bool>("firstUse") ? OrganisationAnswer.Read(typed)
                : OrganisationAnswer.Read(typed) == OrganisationAnswerKind.Request ? OrganisationAnswerKind.Request : OrganisationAnswerKind.Name,
        };
        if (reading == OrganisationAnswerKind.Unsure)
        {
            var ask = new OrganisationQuestion(step.GetValue<string>("kept") ?? "", step.GetValue<List<string>>("declinedIds") ?? [], Again: false, Declined: step.GetValue<string>("declined"))
            {
                FirstUse = true,
                Request = step.GetValue<string>("request"),
                Requests = step.GetValue<int>("requests"),
                KeptRequests = step.GetValue<int>("keptRequests"),
                Confirm = typed.Trim(),
            };
            return await step.ReplaceDialogAsync(OrganisationStepsId, ask, cancellationToken).ConfigureAwait(false);
        }

        if (reading == OrganisationAnswerKind.Request)
        {
            var said = step.Context.GetTexts();
            var firstUse = step.GetValue<bool>("firstUse");
            return await AskOrganisationAgainAsync(step, firstUse ? said.OrganisationFirst : said.OrganisationIsRequest, firstUse ? typed.Trim() : null, cancellationToken, requestKept: firstUse).ConfigureAwait(false);
        }

        // Those declined before are not offered again; none left (or none found): kept as typed, without an id.
        var declinedIds = step.GetValue<List<string>>("declinedIds") ?? [];
        var choices = found.Choices.Where(c => c.Id is null || !declinedIds.Contains(c.Id, StringComparer.Ordinal)).Take(MaxOrganisationChoices).ToList();
        if (choices.Count == 0)
        {
            return await EndOrganisationAsync(step, new OrganisationMatch(name, null), cancellationToken).ConfigureAwait(false);
        }

        step.Values["typed"] = name;
        step.Values["choices"] = choices;
        var texts = step.Context.GetTexts();
        var options = PromptOptions.Text(texts.ChooseOrganisation, texts.ChooseOrganisationRetry);
        options.Choices = [.. choices.Select(c => new Choice(c.Label ?? c.Name, c.Name)), new Choice(texts.NoneOfTheseOrganisations)];
        options.MaxAttempts = ProfileAttempts;
        options.TooManyAttemptsPrompt = Activity.CreateMessage(texts.OrganisationKept(name));
        return await step.PromptAsync(OrganisationChoicePrompt, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Says <paramref name="said"/> and asks the organisation question again, the answer given counted as one of the
    /// question's <see cref="ProfileAttempts"/>: after the last, the organisation saved before (else none) is kept, said
    /// so, and the profile goes on. <paramref name="request"/> is the journey request kept for after the profile;
    /// <paramref name="requestKept"/>: the answer was that request, which uses no try while the question has
    /// <see cref="RequestsWithoutTry"/> left (as a menu button clicked there uses none).
    /// </summary>
    private static async Task<DialogTurnResult> AskOrganisationAgainAsync(
        WaterfallStepContext step, string said, string? request, CancellationToken cancellationToken, bool requestKept = false)
    {
        var texts = step.Context.GetTexts();
        var kept = step.GetValue<string>("kept") ?? "";
        var keptRequests = step.GetValue<int>("keptRequests");
        var withoutTry = requestKept && keptRequests < RequestsWithoutTry;
        var requests = step.GetValue<int>("requests") + (withoutTry ? 0 : 1);
        step.Values["request"] = request;
        await step.Context.SendActivityAsync(ConversationTurn.Plain(said), cancellationToken).ConfigureAwait(false);
        if (requests >= ProfileAttempts)
        {
            await step.Context.SendActivityAsync(kept.Length > 0 ? texts.OrganisationKept(kept) : texts.OrganisationUnset, cancellationToken).ConfigureAwait(false);
            return await EndOrganisationAsync(step, null, cancellationToken).ConfigureAwait(false);
        }

        var question = new OrganisationQuestion(kept, step.GetValue<List<string>>("declinedIds") ?? [], Again: false, Declined: step.GetValue<string>("declined"))
        {
            FirstUse = step.GetValue<bool>("firstUse"),
            Request = request,
            Requests = requests,
            KeptRequests = keptRequests + (withoutTry ? 1 : 0),
        };
        return await step.ReplaceDialogAsync(OrganisationStepsId, question, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether an answer to the organisation question asks about an organisation ("who is CLUTEX?", "quem é o CITEVE?",
    /// "NTT nedir?"): a question's words around a name that is a listed organisation (<see cref="IOrganisationLookup.FindNamedAsync"/>).
    /// A name no listed organisation has is not one: "what is this?" asks about the question (<see cref="AsksAboutTheQuestion"/>);
    /// nor is a pronoun in lower case that happens to be a listed one's initials ("co je to?": "to" is "Têxteis Oliveira" —
    /// two letters are initials only in capitals, <see cref="Partners.OrganisationNameMatcher"/>).
    /// </summary>
    private async Task<bool> AsksAboutAnOrganisationAsync(string typed, CancellationToken cancellationToken) =>
        await OrganisationAskedAboutAsync(organisations, typed, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The listed organisation <paramref name="typed"/> asks about ("who is CLUTEX?"), as <see cref="AsksAboutAnOrganisationAsync"/> reads it; else null.</summary>
    private static async Task<OrganisationMatch?> OrganisationAskedAboutAsync(IOrganisationLookup lookup, string? typed, CancellationToken cancellationToken) =>
        NamedOrganisation.NameAskedAbout(typed) is { } asked
        && await lookup.FindNamedAsync(asked, cancellationToken).ConfigureAwait(false) is { Id: not null } named
            ? named
            : null;

    /// <summary>
    /// The id of the listed organisation this turn's typed message asks about ("who is CLUTEX?") at the organisation
    /// question of "my profile" (the question that waits in <paramref name="leafDc"/>), else null. That question takes it
    /// as a request, not the user's organisation (<see cref="AsksAboutAnOrganisationAsync"/>); the user has a profile, so
    /// the main dialog asks about leaving for its details ("Leave what we started?"), no try used — as for
    /// <see cref="IsRequestAtChangedQuestion"/>.
    /// </summary>
    internal static async Task<string?> OrganisationAskedAboutAtChangedQuestionAsync(
        DialogContext leafDc, IOrganisationLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leafDc);
        ArgumentNullException.ThrowIfNull(lookup);
        return leafDc.ActiveDialog?.Id is OrganisationPrompt or OrganisationAgainPrompt
            && await OrganisationAskedAboutAsync(lookup, leafDc.Context.Activity.Text, cancellationToken).ConfigureAwait(false) is { Id: { } id }
            ? id
            : null;
    }

    /// <summary>
    /// Whether an answer to the organisation question is a "who/what is …?" with a question mark ("what is this?", "o que
    /// é isto?", "co je to?") — when what it asks about is no listed organisation, a question about the question.
    /// </summary>
    private static bool AsksAboutTheQuestion(string typed) =>
        typed.TrimEnd().EndsWith('?') && NamedOrganisation.NameAskedAbout(typed) is not null;

    private static async Task<DialogTurnResult> KeepChosenOrganisationAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.GetValue<OrganisationMatch>("meant") is { } meant)
        {
            // "Do you mean the organisation “CASA”?" — yes: that one; no: no organisation named; neither after the
            // question's attempts: as the question leaves it when it gives up (OrganisationKept / OrganisationUnset was said).
            return step.Result switch
            {
                true => await EndOrganisationAsync(step, meant, cancellationToken).ConfigureAwait(false),
                false => await AskOrganisationAgainAsync(step, step.Context.GetTexts().OrganisationNotNamed, step.GetValue<string>("request"), cancellationToken).ConfigureAwait(false),
                _ => await EndOrganisationAsync(step, null, cancellationToken).ConfigureAwait(false),
            };
        }

        var typed = step.GetValue<string>("typed") ?? "";
        var choices = step.GetValue<List<OrganisationMatch>>("choices") ?? [];
        if (step.Result is FoundChoice choice && choice.Index < choices.Count)
        {
            return await EndOrganisationAsync(step, choices[choice.Index], cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is FoundChoice)
        {
            // "None of these": the name again; the organisations just offered are not offered for it again.
            var declinedIds = (step.GetValue<List<string>>("declinedIds") ?? []).Concat(choices.Select(c => c.Id).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
            var again = new OrganisationQuestion(step.GetValue<string>("kept") ?? "", declinedIds, Again: true, Declined: typed)
            {
                FirstUse = step.GetValue<bool>("firstUse"),
                Request = step.GetValue<string>("request"),
                Requests = step.GetValue<int>("requests"),
                KeptRequests = step.GetValue<int>("keptRequests"),
            };
            return await step.ReplaceDialogAsync(OrganisationStepsId, again, cancellationToken).ConfigureAwait(false);
        }

        // No choice after the question's attempts (OrganisationKept was said with the typed name): kept as typed, without an id.
        return await EndOrganisationAsync(step, new OrganisationMatch(typed, null), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskLanguageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Context.TurnState.TryGetValue(OrganisationRequestKey, out var request) && request is string { Length: > 0 } typedRequest)
        {
            step.Values["request"] = typedRequest;   // run once the profile is saved (RequestAfterProfile)
        }

        if (step.Result is OrganisationMatch match)
        {
            step.Values["organisation"] = match.Name;
            step.Values["organisationId"] = match.Id;
        }
        else if (step.Result is string typed)
        {
            // A conversation that waited at the organisation question of the steps before the directory lookup: only a
            // sure match gets an id; else the name as typed.
            var name = ProfileAnswers.Organisation(typed);
            var found = await organisations.FindAsync(name, MaxOrganisationChoices, cancellationToken).ConfigureAwait(false);
            step.Values["organisation"] = found.Sure?.Name ?? name.Trim();
            step.Values["organisationId"] = found.Sure?.Id;
        }
        else
        {
            // No usable answer after the question's attempts (OrganisationKept / OrganisationUnset was said).
            var kept = step.GetValue<string>("savedOrganisation") ?? "";
            step.Values["organisation"] = kept;
            step.Values["organisationId"] = kept.Length > 0 ? step.GetValue<string>("savedOrganisationId") : null;
        }

        return await step.PromptAsync(LanguagePrompt, LanguageOptions(step.Context.GetTexts()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The longest name the bot keeps: it is shown on cards sent to managers, hosts and partners.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest organisation name the bot keeps.</summary>
    public const int MaxOrganisationLength = 200;

    /// <summary>A name that keeps <see cref="NameRule"/> within <paramref name="maxLength"/> characters.</summary>
    private static bool IsOneLine(PromptValidatorContext<string> prompt, int maxLength) =>
        prompt.Recognized.Succeeded && NameRule.Keeps(prompt.Recognized.Value, maxLength);

    /// <summary>
    /// A person's name: <see cref="IsOneLine"/>, and nothing a person's name never holds (<see cref="NameRule.CheckPerson"/>)
    /// — refused with the reason in the user's language before the rules ("=SUM(A1)", "@everyone", "evil.com", "evil.com/login", "ana@evil.com").
    /// </summary>
    private static async Task<bool> IsPersonNameAsync(PromptValidatorContext<string> prompt, bool firstUse, CancellationToken cancellationToken)
    {
        var valid = await IsPersonNameOrRequestAsync(prompt, firstUse, cancellationToken).ConfigureAwait(false);
        var last = prompt.Options.MaxAttempts is { } max && prompt.AttemptCount >= max;
        if ((valid || last) && prompt.State.GetValue<string>(NamePromptRequestKey) is { Length: > 0 } request)
        {
            // The question ends this turn (a name, or none after its attempts): the request kept goes to the next step.
            prompt.Context.TurnState[NameRequestKey] = request;
        }

        return valid;
    }

    private static async Task<bool> IsPersonNameOrRequestAsync(PromptValidatorContext<string> prompt, bool firstUse, CancellationToken cancellationToken)
    {
        if (!IsOneLine(prompt, MaxNameLength))
        {
            return false;
        }

        if (RequestTypedAsName(prompt.Context) is { } request)
        {
            // "find partners in Italy", "quero candidatar-me a um intercâmbio": a request, never a person's name (it would
            // be saved as the name and shown on the cards managers and partners get).
            // The question again, unless this was its last try (then it says which name it keeps).
            var texts = prompt.Context.GetTexts();
            var last = prompt.Options.MaxAttempts is { } max && prompt.AttemptCount >= max;
            if (firstUse)
            {
                // First use: the request is kept (the latest one typed) and run once the profile is saved, as at the
                // organisation question — before, it was refused with "ask me again once your profile is saved". Here
                // only past RequestsWithoutTry (OnContinueDialogAsync keeps those without a try): one of the tries.
                prompt.State[NamePromptRequestKey] = request;
                await prompt.Context.SendActivityAsync(ConversationTurn.Plain(texts.NameFirst), cancellationToken).ConfigureAwait(false);
                if (!last && prompt.Options.Prompt is { } question)
                {
                    var again = prompt.Context.Activity.CreateReply(question.Text);
                    again.InputHint = question.InputHint ?? "expectingInput";
                    await prompt.Context.SendActivityAsync(again, cancellationToken).ConfigureAwait(false);
                }

                return false;
            }

            // "my profile": a request a journey answers was asked about leaving for (IsRequestAtChangedQuestion); this one
            // none answers, and the name question refuses it.
            await prompt.Context.SendActivityAsync(ConversationTurn.Plain(last ? texts.NameIsRequest : $"{texts.NameIsRequest} {texts.AskName}"), cancellationToken).ConfigureAwait(false);
            return false;
        }

        // The name kept is the answer without its lead-in ("my name is =SUM(A1)" is refused like "=SUM(A1)").
        var name = ProfileAnswers.Name(prompt.Recognized.Value, BenIsIAm(prompt.Context));
        return name.Length == 0 || await IsPersonNameOrSayWhyAsync(prompt.Context, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether this turn's typed message, at the name or organisation question of "my profile", or at its yes-or-no
    /// questions on them (the question that waits in <paramref name="leafDc"/>), is surely a journey request and no answer — as those questions read it
    /// (<see cref="RequestTypedAsName"/>, <see cref="IsJourneyRequest"/>). The user has a profile already, so the main
    /// dialog takes it as another request while a question waits ("Leave what we started?"), no try used; only one no
    /// journey answers comes back to the question, refused there (<see cref="ConversationTexts.NameIsRequest"/>,
    /// <see cref="ConversationTexts.OrganisationIsRequest"/>). At first use such a request is kept for after the profile instead.
    /// </summary>
    internal static bool IsRequestAtChangedQuestion(DialogContext leafDc)
    {
        ArgumentNullException.ThrowIfNull(leafDc);
        return leafDc.ActiveDialog?.Id switch
        {
            NamePrompt => RequestTypedAsName(leafDc.Context) is not null,
            OrganisationPrompt or OrganisationAgainPrompt => IsJourneyRequest(leafDc.Context.Activity.Text),
            // "Shall I call you Ana?", "Is your organisation still CITEVE?": a sure request with no yes or no in it (it was
            // a failed one, using a try). "no, find partners in Italy" is a no, as before.
            ConfirmNamePrompt or OrganisationKeptPrompt => ConfirmPrompt.Recognize(leafDc.Context.Activity.Text, leafDc.Context.Activity.Locale, anyLanguage: true) is null
                && IsJourneyRequest(leafDc.Context.Activity.Text),
            _ => false,
        };
    }

    /// <summary>
    /// This turn's answer to the name question as typed, if it is a journey request ("find partners in Italy", "quero
    /// candidatar-me a um intercâmbio") and so never a person's name: one line within <see cref="MaxNameLength"/> whose
    /// name without its lead-in is surely a request (<see cref="IsJourneyRequest"/>; "Maria Partner" is a name).
    /// </summary>
    private static string? RequestTypedAsName(ITurnContext context)
    {
        var typed = context.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(typed) || !NameRule.Keeps(typed, MaxNameLength))
        {
            return null;
        }

        var name = ProfileAnswers.Name(typed, BenIsIAm(context));
        return name.Length > 0 && IsJourneyRequest(name) ? typed : null;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a person's name by <see cref="NameRule.CheckPerson"/>; if not, says why in the
    /// user's language, then the name rules (the profile's name question and the applicant-name question before a submission).
    /// </summary>
    internal static async Task<bool> IsPersonNameOrSayWhyAsync(ITurnContext context, string name, CancellationToken cancellationToken)
    {
        var issue = NameRule.CheckPerson(name);
        if (issue == PersonNameIssue.None)
        {
            return true;
        }

        var texts = context.GetTexts();
        var reason = issue switch
        {
            PersonNameIssue.WebAddress => texts.NameIsWebAddress,
            PersonNameIssue.EmailAddress => texts.NameIsEmailAddress,
            _ => texts.NameStartsWithSymbol,
        };
        await context.SendActivityAsync(ConversationTurn.Plain($"{reason} {texts.NameRules}"), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>The name in this turn's answer to "shall I call you …?" ("No, call me Ana please"), if one that keeps the rules.</summary>
    private static string? NamedInConfirmAnswer(ITurnContext context) =>
        ProfileAnswers.NameInConfirmAnswer(context.Activity.Text, BenIsIAm(context)) is { } name && KeepsNameRules(name) && NameRule.CheckPerson(name) == PersonNameIssue.None
            ? name
            : null;

    /// <summary>
    /// The organisation's name in this turn's no to "Is “…” the name of your organisation?" ("No, it's CITEVE"), if one
    /// the organisation question would take: one line within <see cref="MaxOrganisationLength"/> (<see cref="NameRule"/>),
    /// and no journey request, nor what a request says unless written as a name ("no, I need partners in Italy" is a plain no).
    /// </summary>
    private static string? NamedInOrganisationConfirmAnswer(ITurnContext context) =>
        ProfileAnswers.OrganisationInConfirmAnswer(context.Activity.Text) is { } name && IsOrganisationNameToTake(name) ? name : null;

    /// <summary>
    /// The new organisation in this turn's answer to "Is your organisation still <paramref name="kept"/>?": a no that
    /// names it ("No, it's AITEX", <see cref="NamedInOrganisationConfirmAnswer"/>), a yes that names another one ("yes,
    /// now at AITEX", "sì, ora sono in NTT", "sim, agora no CITEVE", <see cref="ProfileAnswers.OrganisationAfterYes"/>),
    /// or where the user works now said instead of a yes or no ("I'm now at AITEX", "I work at AITEX", "trabalho no
    /// CITEVE", <see cref="ProfileAnswers.OrganisationAfterLeadIn"/>) — but not a place there ("I'm from Portugal", "sono
    /// in Toscana" say where the user is), and only a plausible organisation (<see cref="IsPlausibleOrganisationAsync"/>):
    /// "I'm with my colleague", "estou em casa" name none, and the yes or no is asked again.
    /// </summary>
    private async Task<string?> NewOrganisationInKeptAnswerAsync(ITurnContext context, string kept, CancellationToken cancellationToken)
    {
        var typed = context.Activity.Text;
        var name = NamedInOrganisationConfirmAnswer(context);
        if (name is null && ProfileAnswers.OrganisationAfterYes(typed) is { } afterYes && IsOrganisationNameToTake(afterYes)
            && !string.Equals(TypedCommand.Fold(afterYes), TypedCommand.Fold(kept), StringComparison.Ordinal))
        {
            name = afterYes;
        }

        name ??= ProfileAnswers.OrganisationAfterLeadIn(typed) is { } afterLeadIn && IsOrganisationNameToTake(afterLeadIn) ? afterLeadIn : null;
        return name is not null && !LocalIntentRecognizer.IsOnlyAPlace(name)
            && await IsPlausibleOrganisationAsync(name, cancellationToken).ConfigureAwait(false)
            ? name
            : null;
    }

    /// <summary>
    /// Whether <paramref name="name"/>, given in an answer to "Is your organisation still …?", is plausibly an
    /// organisation: one the directory surely means (<see cref="IOrganisationLookup.FindAsync"/>), or a name made of more
    /// than ordinary words and pronouns (<see cref="OrganisationAnswer.IsOnlyOrdinaryWords"/>: "my colleague", "a friend",
    /// "home", "here", "busy" in the six languages).
    /// </summary>
    private async Task<bool> IsPlausibleOrganisationAsync(string name, CancellationToken cancellationToken) =>
        !OrganisationAnswer.IsOnlyOrdinaryWords(name)
        || (await organisations.FindAsync(name, MaxOrganisationChoices, cancellationToken).ConfigureAwait(false)).Sure is not null;

    /// <summary>
    /// A name the organisation question would take: one line within <see cref="MaxOrganisationLength"/> (<see cref="NameRule"/>),
    /// and no journey request, nor what a request says unless written as a name.
    /// </summary>
    private static bool IsOrganisationNameToTake(string name) =>
        NameRule.Keeps(name, MaxOrganisationLength)
        && OrganisationAnswer.Read(name) != OrganisationAnswerKind.Request
        && !OrganisationAnswer.SaysARequest(name)
        && !OrganisationAnswer.IsCommand(name);

    /// <summary>
    /// The request or command named in this turn's no to "Is “<paramref name="asked"/>” the name of your organisation?"
    /// ("No, it's Find Partners", "não, é Procuro Parceiros"): what was asked about again, or a command
    /// (<see cref="OrganisationAnswer.IsCommand"/>) — no organisation's name; null when the no names none.
    /// </summary>
    private static string? CommandInOrganisationConfirmAnswer(ITurnContext context, string asked) =>
        ProfileAnswers.OrganisationInConfirmAnswer(context.Activity.Text) is { } name
            && NameRule.Keeps(name, MaxOrganisationLength)
            && (TypedCommand.Matches(asked, name) || OrganisationAnswer.IsCommand(name))
            ? name
            : null;

    /// <summary>
    /// Whether "Ben" before a name is Turkish "I am" ("Ben Ayşe", <see cref="ProfileAnswers.Name"/>): the turn is in
    /// Turkish and the user's Teams name does not start with "Ben" (then it is their first name: "Ben Carter").
    /// </summary>
    internal static bool BenIsIAm(ITurnContext context) =>
        context.GetTexts().Language == "tr"
        && context.Activity.From?.Name?.Trim().StartsWith("Ben ", StringComparison.OrdinalIgnoreCase) != true;

    /// <summary>
    /// Whether a person's name keeps the name rules (<see cref="NameRule.KeepsPersonName"/>, at most
    /// <see cref="MaxNameLength"/> characters): a profile's or a Teams display name, before it goes on others' cards.
    /// </summary>
    internal static bool KeepsNameRules(string? name) => NameRule.KeepsPersonName(name, MaxNameLength);

    /// <summary>
    /// The six languages, each by its own name, and as every one of the six languages names it (accents optional, the
    /// prompt ignores them): "ingles", "inglese", "İngilizce", "angličtina" are all English.
    /// </summary>
    public static List<Choice> LanguageChoices() =>
        [.. ConversationTexts.All.Select(t => new Choice(t.LanguageName, [t.Language, .. LanguageNames[t.Language]]))];

    /// <summary>Each language as the six languages call it (EN, PT, ES, IT, TR, CS), with the usual other forms.</summary>
    private static readonly Dictionary<string, string[]> LanguageNames = new(StringComparer.Ordinal)
    {
        ["en"] = ["English", "inglês", "inglés", "inglese", "İngilizce", "angličtina", "anglicky", "angličtinu"],
        ["pt"] = ["Portuguese", "português", "portugués", "portoghese", "Portekizce", "portugalština", "portugalsky", "portugalštinu"],
        ["es"] = ["Spanish", "espanhol", "español", "castellano", "spagnolo", "İspanyolca", "španělština", "španělsky", "španělštinu"],
        ["it"] = ["Italian", "italiano", "italiano", "italiano", "İtalyanca", "italština", "italsky", "italštinu"],
        ["tr"] = ["Turkish", "turco", "turco", "turco", "Türkçe", "turečtina", "turecky", "turečtinu"],
        ["cs"] = ["Czech", "checo", "tcheco", "ceco", "Çekçe", "čeština", "česky", "češtinu"],
    };

    /// <summary>Whether this turn has just saved a profile (the first-use questions ended in it).</summary>
    public static bool SavedThisTurn(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(SavedThisTurnKey);

    private const string SavedThisTurnKey = "HiTechTex.ProfileSavedThisTurn";

    private async Task<DialogTurnResult> SaveProfileAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // No language chosen after the question's attempts (LanguageKept was said): the one it was asked in.
        var texts = step.Result is FoundChoice choice ? ConversationTexts.All[choice.Index] : step.Context.GetTexts();
        var profile = new UserProfile(
            step.GetValue<string>("name") ?? "",
            step.GetValue<string>("organisation") ?? "",
            step.GetValue<string>("organisationId"),
            texts.Language);
        await states.Profile.SetAsync(step.Context, profile, cancellationToken).ConfigureAwait(false);
        step.Context.UseProfileName(profile.Name);
        step.Context.TurnState[SavedThisTurnKey] = true;
        if (step.GetValue<string>("request") is { Length: > 0 } request)
        {
            step.Context.TurnState[RequestAfterProfileKey] = request;
        }
        Log.ProfileCaptured(logger, step.Context.Activity.Conversation?.Id, profile.Language);

        // From here on the bot speaks the language just chosen, already in this turn.
        step.Context.UseTexts(texts);
        await step.Context.SendActivityAsync(ConversationTurn.Plain(texts.ProfileSaved(profile.Name)), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(profile, cancellationToken).ConfigureAwait(false);
    }
}
