using System.Text.Json.Nodes;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The welcome and help cards: the templates in <c>cards/</c> bound with the texts of a language.</summary>
/// <param name="graphOptions">Whether this deployment makes Teams meetings (Graph configured): the coaching line says
/// what participants get — the Teams meeting in their calendar, or a calendar file (.ics). None: a calendar file.</param>
internal sealed class ConversationCards(ICardRenderer renderer, IOptions<GraphOptions>? graphOptions = null)
{
    private string BookSessionDescription(ConversationTexts texts) =>
        graphOptions?.Value.IsConfigured == true ? texts.BookSessionDescription : texts.BookSessionDescriptionCalendarFile;

    public const string WelcomeTemplate = "welcome";

    public const string HelpTemplate = "help";

    public const string ContinuePrivatelyTemplate = "continue-privately";

    public Attachment Welcome(ConversationTexts texts) => renderer.Render(WelcomeTemplate, new JsonObject
    {
        ["title"] = texts.WelcomeTitle,
        ["intro"] = texts.WelcomeIntro,
        ["journeys"] = new JsonArray(
            Journey(texts.FindPartners, texts.FindPartnersDescription),
            Journey(texts.ApplyExchange, texts.ApplyExchangeDescription),
            Journey(texts.BookSession, BookSessionDescription(texts))),
        ["labels"] = new JsonObject(WelcomeActions.Select(action => KeyValuePair.Create(action, (JsonNode?)ButtonLabel(texts, action)))),
    });

    /// <summary>The <c>data.action</c> of the welcome card's buttons, one a journey.</summary>
    private static readonly string[] WelcomeActions = ["findPartners", "applyExchange", "bookSession"];

    /// <summary>
    /// The label of a button of these cards by its <c>data.action</c> — the welcome card's journeys, the help card's
    /// profile button — in the reader's language; null for an action of no button here.
    /// </summary>
    public static string? ButtonLabel(ConversationTexts texts, string action)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return action switch
        {
            "findPartners" => texts.FindPartners,
            "applyExchange" => texts.ApplyExchange,
            "bookSession" => texts.BookSession,
            EditProfileDialog.CardAction => texts.EditProfileButton,
            _ => null,
        };
    }

    /// <param name="roleCommands">Commands of the reader's roles (a cluster manager's, a coordinator's), listed after
    /// everyone's.</param>
    public Attachment Help(ConversationTexts texts, IReadOnlyList<(string Command, string Description)>? roleCommands = null) => renderer.Render(HelpTemplate, new JsonObject
    {
        ["title"] = texts.HelpTitle,
        ["intro"] = texts.HelpIntro,
        ["commands"] = new JsonArray([
            Command(texts.FindPartners, texts.FindPartnersDescription),
            Command(texts.ApplyExchange, texts.ApplyExchangeDescription),
            Command(texts.BookSession, BookSessionDescription(texts)),
            Command(texts.MyApplicationsWord, texts.HelpCommandMyApplications),
            Command(texts.MySessionsWord, texts.HelpCommandMySessions),
            Command(texts.ProfileWord, texts.HelpCommandProfile),
            Command(texts.HelpWord, texts.HelpCommandHelp),
            .. (roleCommands ?? []).Select(c => Command(c.Command, c.Description))]),
        ["contact"] = texts.HelpContact,
        ["labels"] = new JsonObject { ["menu"] = texts.BackToMenu, ["profile"] = ButtonLabel(texts, EditProfileDialog.CardAction) },
    });

    /// <summary>
    /// The card sent to someone's 1:1 chat when they asked for a personal journey in a group: what they asked
    /// (<paramref name="request"/>, shown literally; null for a card button) and a button whose data
    /// (<paramref name="replay"/>) asks it again.
    /// </summary>
    /// <param name="note">A line for the reader under the request (a <c>TextRun</c>: shown as written).</param>
    public Attachment ContinuePrivately(ConversationTexts texts, string? request, JsonObject replay, string? note = null)
    {
        var data = new JsonObject
        {
            ["title"] = texts.ContinuePrivatelyTitle,
            ["intro"] = texts.ContinuePrivatelyIntro,
            ["replay"] = replay,
            ["labels"] = new JsonObject { ["continue"] = texts.ContinuePrivatelyButton },
        };
        if (!string.IsNullOrEmpty(request))
        {
            data["request"] = request;
        }

        if (!string.IsNullOrEmpty(note))
        {
            data["note"] = note;
        }

        return renderer.Render(ContinuePrivatelyTemplate, data);
    }

    /// <summary>A message carrying only the card.</summary>
    public static Activity AsMessage(Attachment card) => new() { Type = ActivityTypes.Message, Attachments = [card] };

    private static JsonObject Journey(string title, string description) => new() { ["title"] = title, ["description"] = description };

    private static JsonObject Command(string command, string description) => new() { ["command"] = command, ["description"] = description };
}
