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
/// follow-up records (<c>form:&lt;formId&gt;</c>, for the applicant) when the form was saved. The step-by-step
/// application's "Submit for approval" clicked again is answered the same way.
/// </summary>
internal sealed class ExchangeSavedForms(ExchangeStore store) : IEndedFormResponder
{
    public static string Kind(string formId) => "form:" + formId;

    public async Task<bool> TryAnswerAsync(ITurnContext turnContext, JsonElement data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (data.ValueKind == JsonValueKind.Object && CardInput.TryGetText(data, "choice", out var choice) && choice is { Length: > 0 and <= 64 }
            && !data.TryGetProperty("formId", out _))
        {
            return await AnswerSubmitChoiceAsync(turnContext, choice, cancellationToken).ConfigureAwait(false);
        }

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

    /// <summary>
    /// The step-by-step application's "Submit for approval" (in any of the languages) clicked after its question ended —
    /// the second click of a double click, the first having submitted it: the applicant's application waiting at stage 1
    /// is submitted already, and said so (it showed the bare menu).
    /// </summary>
    private async Task<bool> AnswerSubmitChoiceAsync(ITurnContext turnContext, string choice, CancellationToken cancellationToken)
    {
        if (!ExchangeTexts.All.Any(t => string.Equals(t.SubmitButton, choice, StringComparison.Ordinal))
            || turnContext.Activity.From?.AadObjectId is not { Length: > 0 } aadObjectId)
        {
            return false;
        }

        var submitted = (await store.ListForApplicantAsync(aadObjectId, cancellationToken).ConfigureAwait(false))
            .Where(a => a.Status == ExchangeStatus.Stage1)
            .MaxBy(a => a.StatusChangedAt);
        if (submitted is null)
        {
            return false;
        }

        var texts = ExchangeTexts.Resolve(turnContext.GetTexts().Language);
        await turnContext.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, texts.AlreadySubmittedFormat, submitted.Reference), cancellationToken)
            .ConfigureAwait(false);
        return true;
    }
}
