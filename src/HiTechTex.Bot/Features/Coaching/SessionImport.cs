using System.Globalization;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The coordinator's bulk import: one session per line, the form's fields separated by <c>;</c> (the separator of
/// European spreadsheet exports), a header line allowed. Each line goes through the same validation as the form;
/// the lines with errors are named, the good ones are kept. At most <see cref="MaxLines"/> lines and
/// <see cref="MaxCharacters"/> characters are read, each line whole or not at all: the lines after the limit are
/// named as not read (never saved cut, never lost without a word).
/// </summary>
internal static class SessionImport
{
    public const int MaxLines = 200;

    /// <summary>The most characters read (the card's input has the same <c>maxLength</c>).</summary>
    public const int MaxCharacters = 20_000;

    private const int FieldCount = 14;

    public static SessionImportResult Parse(string text, CoachingTexts texts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(texts);
        var drafts = new List<ImportedLine>();
        var errors = new List<string>();
        var failed = new List<string>();
        // Teams stops the card's input at maxLength: a text of exactly the limit may have been cut there, so its last
        // line (unless the text ends with a line break) is not read — it could be a session with half a description.
        var cutBeforeArrival = text.Length == MaxCharacters && !text.EndsWith('\n');
        var readable = text.Length >= MaxCharacters ? text[..MaxCharacters] : text;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var readLength = readable.Replace("\r\n", "\n", StringComparison.Ordinal).Length;
        int? firstUnread = null;
        var byCharacters = false;
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var end = offset + lines[i].Length;
            // A line is read whole or not at all: the line the character limit falls in is not read.
            var overCharacters = end > readLength || (end == readLength && cutBeforeArrival);
            if (i >= MaxLines || overCharacters)
            {
                if (string.Join("\n", lines[i..]).Trim().Length > 0)
                {
                    firstUnread = i + 1;
                    byCharacters = overCharacters && i < MaxLines;
                }

                break;
            }

            offset = end + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.StartsWith("title", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var values = ValuesOf(line);
            if (values is null)
            {
                errors.Add(number);
                failed.Add(lines[i]);
                continue;
            }

            var (draft, invalid) = values.TryParse(texts, now, now);
            if (draft is null)
            {
                errors.Add($"{number} ({string.Join(", ", invalid)})");
                failed.Add(lines[i]);
            }
            else
            {
                drafts.Add(new ImportedLine(i + 1, draft, values.ToJson().ToJsonString()));
            }
        }

        var unreadText = firstUnread is { } first && !cutBeforeArrival
            ? string.Join("\n", lines[(first - 1)..]).Trim('\n')
            : null;
        return new SessionImportResult(drafts, errors, failed, firstUnread, byCharacters, unreadText);
    }

    /// <summary>The form's fields of one line, or null when it has too few.</summary>
    private static SessionFormValues? ValuesOf(string line)
    {
        // At most 14 parts: the description (last) may itself contain ';'.
        var fields = line.Split(';', FieldCount).Select(f => f.Trim()).ToArray();
        if (fields.Length < FieldCount - 1)
        {
            return null;
        }

        string Field(int index) => index < fields.Length ? fields[index] : "";
        return new SessionFormValues(
            Title: Field(0), Description: Field(FieldCount - 1), Topic: Field(1), Trainer: Field(2),
            Language: Field(3), Date: Field(4), Start: Field(5), End: Field(6), TimeZone: Field(7), Capacity: Field(8),
            Mode: Field(9), Location: Field(10), ClosesOn: Field(11), Organizer: Field(12));
    }
}
