using System.Globalization;
using System.Text;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The coordinator's figures: progress toward the target and the CSV export. Each exchange counts once, toward the
/// visiting side — its partner is the visiting organisation's cluster (or the organisation itself when it has none).
/// </summary>
internal sealed class ExchangeReports(ExchangeStore store, IPartnerDirectory directory, ExchangeEligibility eligibility, Microsoft.Extensions.Options.IOptionsMonitor<ExchangeOptions> options)
{
    private static readonly ExchangeStatus[] PendingStatuses = [ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ChangesRequested, ExchangeStatus.ReportSubmitted];

    public async Task<ExchangeProgress> ProgressAsync(ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var applications = await store.ListAsync([.. PendingStatuses, ExchangeStatus.Approved, ExchangeStatus.Completed], cancellationToken).ConfigureAwait(false);
        var organisations = (await directory.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var rows = applications.DistinctBy(a => a.Id).Select(a =>
        {
            var visiting = organisations.GetValueOrDefault(a.VisitingOrganisationId);
            var host = organisations.GetValueOrDefault(a.HostOrganisationId);
            var partnerId = visiting?.ClusterId ?? a.VisitingOrganisationId;
            var partner = organisations.GetValueOrDefault(partnerId)?.Name ?? partnerId;
            return (Application: a, Partner: partner, Pair: $"{visiting?.Country ?? "?"} → {host?.Country ?? "?"}",
                Activity: a.ActivityType is { } t ? texts.ActivityTypes[t] : "–");
        }).ToList();

        static IReadOnlyList<ExchangeProgressRow> By(IEnumerable<(ExchangeApplication Application, string Key)> items) =>
            [.. items.GroupBy(i => i.Key, StringComparer.Ordinal)
                .Select(g => new ExchangeProgressRow(g.Key,
                    g.Count(i => i.Application.Status == ExchangeStatus.Completed),
                    g.Count(i => i.Application.Status == ExchangeStatus.Approved),
                    g.Count(i => PendingStatuses.Contains(i.Application.Status))))
                .OrderByDescending(r => r.Completed).ThenByDescending(r => r.Approved).ThenBy(r => r.Name, StringComparer.Ordinal)];

        return new ExchangeProgress(
            options.CurrentValue.Target,
            rows.Count(r => r.Application.Status == ExchangeStatus.Completed),
            rows.Count(r => r.Application.Status == ExchangeStatus.Approved),
            rows.Count(r => PendingStatuses.Contains(r.Application.Status)),
            By(rows.Select(r => (r.Application, r.Partner))),
            By(rows.Select(r => (r.Application, r.Pair))),
            By(rows.Select(r => (r.Application, r.Activity))));
    }

    /// <summary>The column that separates the export's fields (see <see cref="CsvAsync"/>).</summary>
    public const char Separator = ';';

    /// <summary>
    /// All non-draft applications as CSV (RFC 4180 quoting, header row) separated by <c>;</c>: Excel splits a file it
    /// opens by the system's list separator, which is <c>;</c> wherever the decimal comma is (pt, es, it, cs, tr — where a
    /// comma-separated file showed each row in one column), and LibreOffice's import dialog detects it. Not a
    /// <c>sep=;</c> first line: Excel then ignores the byte-order mark (the accents break) and LibreOffice and every
    /// other reader take the line for data. Status and activity type are labels in the coordinator's language
    /// (<paramref name="texts"/>), and the lump sum has that language's decimal separator; the stable codes
    /// (<c>Stage1</c>, <c>KnowledgeSharing</c>) are in the last two columns, <c>StatusCode</c> and
    /// <c>ActivityTypeCode</c>, for scripts. The header row names the columns in that language too
    /// (<see cref="ExchangeTexts.ExportColumns"/>; English keeps its names), the two code columns' names in every language. Dates are ISO (yyyy-MM-dd), which every spreadsheet reads as a date.
    /// </summary>
    public async Task<string> CsvAsync(ExchangeTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var culture = ExchangeTime.CultureOf(texts.Language);
        var applications = await store.ListAsync([.. Enum.GetValues<ExchangeStatus>().Where(s => s != ExchangeStatus.Draft)], cancellationToken).ConfigureAwait(false);
        var organisations = (await directory.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var csv = new StringBuilder();
        // The column names in the coordinator's language, the code columns' the same in every language.
        csv.AppendJoin(Separator, texts.ExportColumns.Append("StatusCode").Append("ActivityTypeCode").Select(Quote)).Append("\r\n");
        foreach (var a in applications)
        {
            var visiting = organisations.GetValueOrDefault(a.VisitingOrganisationId);
            var host = organisations.GetValueOrDefault(a.HostOrganisationId);
            string[] fields =
            [
                a.Reference, texts.Statuses[a.Status], visiting?.Name ?? a.VisitingOrganisationId, visiting?.Country ?? "",
                visiting?.ClusterId ?? a.VisitingOrganisationId, host?.Name ?? a.HostOrganisationId, host?.Country ?? "",
                a.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", a.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                a.StartDate is { } s && a.EndDate is { } e ? eligibility.CountWorkingDays(host?.Country, s, e).ToString(CultureInfo.InvariantCulture) : "",
                a.ActivityType is { } type ? texts.ActivityTypes[type] : "", a.LumpSum?.ToString("0.##", culture) ?? "", a.ApplicantName,
                a.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                a.Status.ToString(), a.ActivityType?.ToString() ?? "",
            ];
            csv.AppendJoin(Separator, fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quotes a field when it holds a separator (<c>;</c> or <c>,</c>), quote or line break; a leading =, +, - or @ is prefixed so spreadsheets don't run it (<see cref="SpreadsheetText"/>).</summary>
    public static string Quote(string field)
    {
        field = SpreadsheetText.Neutralise(field);

        return field.IndexOfAny([Separator, ',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
