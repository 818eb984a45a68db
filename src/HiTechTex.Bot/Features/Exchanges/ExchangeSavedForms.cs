using System.Globalization;
using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The application forms already saved or submitted, by the id of their card (<c>formId</c>, one per form shown): a
/// second click of the same card's Save after the first one saved it and ended the form — a double click — says nothing
/// more (the first said "Draft saved" and showed the application), and a second Submit says the application is
/// submitted already, instead of "this form is no longer active, nothing was saved". Recorded in the application's
/// follow-up records (<c>form:&lt;formId&gt;</c>, for the applicant) when the form was saved.
/// </summary>
internal sealed class ExchangeSavedForms(ExchangeStore store) : IEndedFormResponder
{
    public static string Kind(string formId) => "form:" + formId;

    public async Task<bool> TryAnswerAsync(ITurnContext turnContext, JsonElement data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (data.ValueKind != JsonValueKind.Object
            || !CardInput.TryGetText(data, "formId", out var formId) || formId is not { Length: > 0 and <= 64 }
            || !CardInput.TryGetText(data, "op", out var op) || op is not ("save" or "submit")
            || turnContext.Activity.From?.AadObjectId is not { Length: > 0 } aadObjectId)
        {
            return false;
        }

        // Only the applicant's own card is known: the record is theirs.
        var record = await store.FindRecordAsync(Kind(formId), aadObjectId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return false;
        }

        var application = await store.FindAsync(record.ExchangeId, cancellationToken).ConfigureAwait(false);
        if (op == "submit" && application is { Status: not (ExchangeStatus.Draft or ExchangeStatus.ChangesRequested) })
        {
            var texts = ExchangeTexts.Resolve(turnContext.GetTexts().Language);
            await turnContext.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, application.Reference), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }

        // Save clicked again: what the first click saved stands, and it was said.
        return op == "save";
    }
}
