using System.Text.Json;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// A feature that recognises a button of one of its forms arriving after the form's dialog ended — the second click of a
/// double click on Save, after the first one saved it — and answers it (or, for a duplicate, says nothing more) instead
/// of the main dialog's "this form is no longer active, nothing was saved", which would be untrue there. Register with
/// <c>services.AddScoped&lt;IEndedFormResponder, …&gt;()</c>.
/// </summary>
internal interface IEndedFormResponder
{
    /// <summary>True when the click was recognised and answered; false leaves it to the main dialog.</summary>
    Task<bool> TryAnswerAsync(ITurnContext turnContext, JsonElement data, CancellationToken cancellationToken);
}
