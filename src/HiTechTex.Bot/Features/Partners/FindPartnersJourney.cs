using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The find-partners journey: the intent, the welcome card's button, the cards' actions and the typed command in six languages.</summary>
internal sealed class FindPartnersJourney(FindPartnersDialog dialog, IPartnerDirectory directory) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.FindPartners];

    public IReadOnlyCollection<string> CardActions { get; } = FindPartnersDialog.Actions;

    public IReadOnlyCollection<string> Commands { get; } =
        ["find partners", "encontrar parceiros", "buscar socios", "trova partner", "ortak bul", "najít partnery", .. PartnerMemberEditor.ManageCommands];

    /// <summary>
    /// The directory is shared knowledge: a search in a group chat or a channel is answered there. A cluster manager's
    /// member list and form are not (they show the members' contact details): they move to the manager's 1:1 chat.
    /// </summary>
    public bool IsPersonal(JourneyStart start) => PartnerMemberEditor.IsEditorStart(start);

    /// <summary>Every step is a card button carrying its query: answered on top of a form or question that waits.</summary>
    public bool AnswersInOneTurn => true;

    /// <summary>
    /// A member-editor button clicked in a group: the 1:1 card names the entry (or the list), and its Continue opens the
    /// entry's form — never replays a Save, so nothing is written before the manager sees what they are saving.
    /// </summary>
    public async Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var texts = PartnerTexts.Resolve(language);
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
}
