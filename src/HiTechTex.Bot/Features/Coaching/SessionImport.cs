using System.Globalization;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The coordinator's bulk import: one session per line, the form's fields separated by <c>;</c> (the separator of
/// European spreadsheet exports), a header line allowed. Each line goes through the same validation as the form;
/// the lines with errors are named, the good ones are kept.
/// </summary>
internal static class SessionImport
{
    public const int MaxLines = 200;

    private const int FieldCount = 14;

    public static (IReadOnlyList<SessionDraft> Drafts, IReadOnlyList<string> Errors) Parse(string text, CoachingTexts texts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(texts);
        var drafts = new List<SessionDraft>();
        var errors = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length && i < MaxLines; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.StartsWith("title", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            // At most 14 parts: the description (last) may itself contain ';'.
            var fields = line.Split(';', FieldCount).Select(f => f.Trim()).ToArray();
            if (fields.Length < FieldCount - 1)
            {
                errors.Add(number);
                continue;
            }

            string Field(int index) => index < fields.Length ? fields[index] : "";
            var values = new SessionFormValues(
                Title: Field(0), Description: Field(FieldCount - 1), Topic: Field(1), Trainer: Field(2),
                Language: Field(3), Date: Field(4), Start: Field(5), End: Field(6), TimeZone: Field(7), Capacity: Field(8),
                Mode: Field(9), Location: Field(10), ClosesOn: Field(11), Organizer: Field(12));
            var (draft, invalid) = values.TryParse(texts, now, now);
            if (draft is null)
            {
                errors.Add($"{number} ({string.Join(", ", invalid)})");
            }
            else
            {
                drafts.Add(draft);
            }
        }

        if (lines.Length > MaxLines)
        {
            errors.Add($"> {MaxLines}");
        }

        return (drafts, errors);
    }
}
