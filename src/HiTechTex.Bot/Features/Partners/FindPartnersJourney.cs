using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The find-partners journey: the intent, the welcome card's button, the cards' actions and the typed command in six languages.</summary>
internal sealed class FindPartnersJourney(FindPartnersDialog dialog, IPartnerDirectory directory, IRoleService roles) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.FindPartners];

    public IReadOnlyCollection<string> CardActions { get; } = FindPartnersDialog.Actions;

    public IReadOnlyCollection<string> Commands { get; } =
        ["find partners", "encontrar parceiros", "buscar socios", "trova partner", "ortak bul", "najít partnery", .. PartnerMemberEditor.ManageCommands];

    /// <summary>
    /// The directory is shared knowledge: a search and a partner's details in a group chat or a channel are answered
    /// there. A cluster manager's member list and form are not (they show the members' contact details), nor is an
    /// introduction request (whom a member asks to meet, and the answers and contacts that follow, are theirs): they
    /// move to the person's 1:1 chat.
    /// </summary>
    public bool IsPersonal(JourneyStart start) => PartnerMemberEditor.IsEditorStart(start) || start is { CardAction: RequestAction };

    private const string RequestAction = "partners.intro.request";

    /// <summary>Every step is a card button carrying its query: answered on top of a form or question that waits.</summary>
    public bool AnswersInOneTurn => true;

    /// <summary>
    /// A member-editor button clicked in a group: the 1:1 card names the entry (or the list), and its Continue opens the
    /// entry's form — never replays a Save, so nothing is written before the manager sees what they are saving.
    /// </summary>
    public Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, CancellationToken cancellationToken) =>
        HandOffAsync(start, language, readerZone, null, cancellationToken);

    public async Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, string? readerAadObjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var texts = PartnerTexts.Resolve(language);
        if (start.CardAction == RequestAction)
        {
            return await IntroductionHandOffAsync(start, texts, readerAadObjectId, cancellationToken).ConfigureAwait(false);
        }

        if (start.CardAction is PartnerMemberEditor.EditAction or PartnerMemberEditor.SaveAction
            && start.CardData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
            && CardInput.TryGetText(data, "id", out var raw) && raw is not null)
        {
            var id = raw;
            if (id.Length == 0)
            {
                return new PrivateHandOff(texts.AddMember, new System.Text.Json.Nodes.JsonObject { ["action"] = PartnerMemberEditor.EditAction, ["id"] = "" });
            }

            if (await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } organisation)
            {
                return new PrivateHandOff(PartnerTexts.Format(texts.HandOffMemberFormat, organisation.Name),
                    new System.Text.Json.Nodes.JsonObject { ["action"] = PartnerMemberEditor.EditAction, ["id"] = organisation.Id });
            }
        }

        return new PrivateHandOff(texts.ManageTitle, new System.Text.Json.Nodes.JsonObject { ["action"] = PartnerMemberEditor.ManageAction });
    }

    /// <summary>
    /// "Request introduction" clicked on a group's details card: the 1:1 card names the partner, and its Continue opens
    /// the partner's details there with the message written in the box — the request is sent only by the Request button
    /// of that card (a click is never replayed), and its confirmation and answer are the person's alone. The group's card
    /// is the same for every member, so it offers the request to all; a member it asks nothing of — a manager of the
    /// partner's cluster, one of the partner's own Teams contacts (a request would come back to them) — is told why on
    /// that 1:1 card, and its Continue opens the entry (a manager's form) or the details, never a request.
    /// </summary>
    private async Task<PrivateHandOff> IntroductionHandOffAsync(JourneyStart start, PartnerTexts texts, string? readerAadObjectId, CancellationToken cancellationToken)
    {
        string? Read(string name) =>
            start.CardData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
            && data.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                ? value.GetString()
                : null;

        var id = Read("id") ?? "";
        var organisation = id.Length is > 0 and <= 100 ? await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var replay = new System.Text.Json.Nodes.JsonObject { ["action"] = "partners.detail", ["id"] = organisation?.Id ?? id };
        if (organisation is { ListingConsent: true })
        {
            var request = PartnerTexts.Format(texts.HandOffIntroductionFormat, organisation.Name);
            if (PartnerMemberEditor.IsManaged(roles.GetRoles(readerAadObjectId).ManagedOrganisationIds, organisation))
            {
                return new PrivateHandOff(request,
                    new System.Text.Json.Nodes.JsonObject { ["action"] = PartnerMemberEditor.EditAction, ["id"] = organisation.Id },
                    PartnerTexts.Format(texts.HandOffOwnMemberNote, organisation.Name, texts.ManageMembersCommands[0]));
            }

            if (IntroductionService.IsOwnContact(organisation, readerAadObjectId))
            {
                return new PrivateHandOff(request, replay, PartnerTexts.Format(texts.HandOffOwnContactNote, organisation.Name));
            }
        }

        if (Read("message") is { Length: > 0 } message)
        {
            replay["message"] = Utf16Text.Cut(message.Trim(), IntroductionService.MaxMessageLength);
        }

        return new PrivateHandOff(
            organisation is { ListingConsent: true } ? PartnerTexts.Format(texts.HandOffIntroductionFormat, organisation.Name) : texts.RequestIntroduction,
            replay);
    }
}
