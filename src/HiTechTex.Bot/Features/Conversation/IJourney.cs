using System.Text.Json;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// A journey the main dialog can start (find partners, apply for an exchange, book a session…): its dialog, the
/// intents recognized from free text that start it, and the card actions (<c>data.action</c> of an
/// <c>Action.Submit</c>, or of an <c>Action.Execute</c> no <see cref="ICardActionHandler"/> owns) that start it.
/// Register with <c>services.AddScoped&lt;IJourney, MyJourney&gt;()</c>; the dialog is begun with a
/// <see cref="JourneyStart"/> as options. An intent of <see cref="MainDialog.Journeys"/> that no journey claims
/// gets the "coming soon" placeholder.
/// </summary>
internal interface IJourney
{
    Dialog Dialog { get; }

    IReadOnlyCollection<Intent> Intents { get; }

    IReadOnlyCollection<string> CardActions { get; }

    /// <summary>
    /// Typed commands that start this journey when the whole message is one of them (case- and accent-insensitive),
    /// before the recognizer runs: the manifest's command lists (<c>pending approvals</c>, <c>progress</c>…) and their
    /// translations. Empty when the journey has none.
    /// </summary>
    IReadOnlyCollection<string> Commands => [];

    /// <summary>
    /// Other journeys' typed commands that, typed at one of this journey's questions, ask for what is under way already —
    /// "apply for an exchange" at a step-by-step application question, its final Submit / Save draft / Cancel included:
    /// the same application, asked for in other words. Answered like <see cref="Commands"/> there: said to be under way
    /// and the question asked again, never an offer to leave the answers given for a new start. Empty by default.
    /// </summary>
    IReadOnlyCollection<string> SameRequestCommands => [];

    /// <summary>
    /// Whether <paramref name="data"/>, a click on this journey's own waiting form (or question), is its Cancel — the
    /// form's, the step-by-step application's final Cancel: clicked at "leave what we started?" it is a yes — what waited
    /// ends as its Cancel ends it, and the request the question named goes on. False unless the journey has such a button.
    /// </summary>
    bool IsCancelOfItsForm(JsonElement data) => false;

    /// <summary>
    /// Whether this start shows or asks for what is one person's own (their applications, bookings, forms, what only
    /// their role may see): asked for in a group chat or a channel, it is not started there — the person gets a card
    /// in their 1:1 chat that starts it, and the group a short note. True unless the journey says otherwise (finding
    /// partners, the coaching catalogue).
    /// </summary>
    bool IsPersonal(JourneyStart start) => true;

    /// <summary>
    /// Whether the dialog always answers and ends in the turn it is begun (every later step is a card button that
    /// starts it again): such a request is answered on top of a question or form that waits, which stays open. A
    /// journey that waits for an answer says false (the default): asking for it while another waits asks first
    /// whether to leave that one.
    /// </summary>
    bool AnswersInOneTurn => false;

    /// <summary>
    /// For a card button clicked in a group and sent on to the 1:1 chat (<see cref="IsPersonal"/>): what the 1:1 card
    /// says the button asked for (e.g. the session to register for), in <paramref name="language"/>, and the data its
    /// Continue button sends — which may ask less than the click did (show the session rather than register at once),
    /// since the person only sees the request there. Null: the click's data as it was, without a description.
    /// <paramref name="readerZone"/> is the time zone the person's Teams client reported (for times on that card), if any.
    /// </summary>
    Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, CancellationToken cancellationToken) =>
        Task.FromResult<PrivateHandOff?>(null);

    /// <summary>
    /// The same, knowing who clicked (<paramref name="readerAadObjectId"/>, their Entra id): a group's card is the same
    /// for every member, so a journey may tell this person on the 1:1 card why the button asks nothing of them.
    /// </summary>
    Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, string? readerAadObjectId, CancellationToken cancellationToken) =>
        HandOffAsync(start, language, readerZone, cancellationToken);
}
