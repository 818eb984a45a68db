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

    /// <summary>The most characters read.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>
    /// The card input's <c>maxLength</c>: one more than <see cref="MaxCharacters"/>. Teams stops a paste there without a
    /// word, so a text of this length may have been cut; one of <see cref="MaxCharacters"/> or fewer arrived whole.
    /// </summary>
    public const int InputMaxLength = MaxCharacters + 1;

    private const int FieldCount = 14;

    public static SessionImportResult Parse(string text, CoachingTexts texts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(texts);
        var drafts = new List<ImportedLine>();
        var errors = new List<string>();
        var failed = new List<string>();
        var failedNumbers = new List<int>();
        // Only a text longer than the limit was cut — by the bot here, or by Teams at the card's maxLength (one more
        // than the limit, so that a paste of exactly the limit is known whole and read whole). The line the limit falls
        // in is not read; after a cut by Teams (a text of the input's maxLength not ending with a line break) the
        // lines after it did not arrive whole either, so they are not offered back for correction.
        var cutBeforeArrival = text.Length == InputMaxLength && !text.EndsWith('\n');
        var readable = text.Length > MaxCharacters ? text[..MaxCharacters] : text;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var readLength = readable.Replace("\r\n", "\n", StringComparison.Ordinal).Length;
        int? firstUnread = null;
        var byCharacters = false;
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            // A session line may span text lines: a spreadsheet cell holding a line break is quoted with it. It is
            // named by the number of its first text line, the one the coordinator sees it start on.
            var last = LastLineOf(lines, i);
            var whole = last == i ? lines[i] : string.Join("\n", lines[i..(last + 1)]);
            var end = offset + whole.Length;
            // A line is read whole or not at all: the line the character limit falls in is not read (one that ends
            // exactly at the limit is whole: the text goes on with a line break, or ends there).
            var overCharacters = end > readLength;
            if (last >= MaxLines || overCharacters)
            {
                if (string.Join("\n", lines[i..]).Trim().Length > 0)
                {
                    firstUnread = i + 1;
                    byCharacters = overCharacters && i < MaxLines;
                }

                break;
            }

            offset = end + 1;
            var start = i;
            i = last;
            var line = whole.Trim();
            var separator = SeparatorOf(whole);
            if (line.Length == 0 || (start == 0 && IsHeader(line, separator)))
            {
                continue;
            }

            var number = (start + 1).ToString(CultureInfo.InvariantCulture);
            // Tab-separated, the line is not trimmed at its start: a tab there is an empty first cell.
            var values = ValuesOf(separator == '\t' ? whole.TrimEnd() : line, separator);
            if (values is null)
            {
                // Said why: a line of too few fields named by its number alone left the coordinator guessing.
                errors.Add($"{number} ({texts.Format(texts.ImportTooFewFieldsFormat, Fields(line).Count, FieldCount - 1)})");
                failed.Add(whole);
                failedNumbers.Add(start + 1);
                continue;
            }

            var (draft, invalid) = values.TryParse(texts, now, now);
            if (draft is null)
            {
                errors.Add($"{number} ({string.Join(", ", invalid)})");
                failed.Add(whole);
                failedNumbers.Add(start + 1);
            }
            else
            {
                drafts.Add(new ImportedLine(start + 1, draft, values.ToJson().ToJsonString()));
            }
        }

        var unreadText = firstUnread is { } first && !cutBeforeArrival
            ? string.Join("\n", lines[(first - 1)..]).Trim('\n')
            : null;
        return new SessionImportResult(drafts, errors, failed, firstUnread, byCharacters, unreadText, failedNumbers);
    }

    /// <summary>
    /// The last text line of the session line that starts at <paramref name="first"/>: a later one when a cell quoted the
    /// way spreadsheets quote it opens there and closes on that line, its line breaks inside (a multi-line description);
    /// else <paramref name="first"/>. A quote that closes no cell within <see cref="MaxLines"/> lines, or whose cell is
    /// not one of the line's fields, is text read as typed, and the lines after it are their own.
    /// </summary>
    private static int LastLineOf(string[] lines, int first)
    {
        if (!EndsInQuotedCell(lines[first]))
        {
            return first;
        }

        for (var last = first + 1; last < lines.Length && last < MaxLines; last++)
        {
            var whole = string.Join("\n", lines[first..(last + 1)]);
            if (!EndsInQuotedCell(whole))
            {
                var trimmed = whole.Trim();
                var separator = SeparatorOf(whole);
                return Fields(separator == '\t' ? whole.TrimEnd() : trimmed, separator).Any(f => f.Contains('\n', StringComparison.Ordinal)) ? last : first;
            }
        }

        return first;
    }

    /// <summary>Whether <paramref name="text"/> ends inside a quoted cell: a quote opening a field (at the start or after
    /// a separator, blanks aside) that no single quote has closed (<c>""</c> is a quote inside).</summary>
    private static bool EndsInQuotedCell(string text)
    {
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c is ';' or '\t')
            {
                fieldStart = true;
            }
            else if (c == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
            }
            else if (c != ' ')
            {
                fieldStart = false;
            }
        }

        return quoted;
    }

    /// <summary>
    /// A first line of column names: its first field is "title" in any of the six languages ("Título", "Název": the
    /// card's help names the fields in the coordinator's language), or starts with "title" as before.
    /// </summary>
    private static bool IsHeader(string line, char separator)
    {
        var first = Fields(line, separator)[0];
        return line.StartsWith("title", StringComparison.OrdinalIgnoreCase)
            || CoachingTexts.All.Any(t => string.Equals(first, t.FieldTitle, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Tab when the line has a tab between every field, as cells copied from a spreadsheet arrive (the trailing ones
    /// of empty cells counted); else ';'.
    /// </summary>
    private static char SeparatorOf(string line) => line.Count(c => c == '\t') >= FieldCount - 2 ? '\t' : ';';

    /// <summary>The form's fields of one line, or null when it has too few.</summary>
    private static SessionFormValues? ValuesOf(string line, char separator)
    {
        var fields = Fields(line, separator);
        if (fields.Count < FieldCount - 1)
        {
            return null;
        }

        string Field(int index) => index < fields.Count ? fields[index] : "";
        return new SessionFormValues(
            Title: Field(0), Description: Field(FieldCount - 1), Topic: Field(1), Trainer: Field(2),
            Language: Field(3), Date: Field(4), Start: Field(5), End: Field(6), TimeZone: Field(7), Capacity: Field(8),
            Mode: Field(9), Location: Field(10), ClosesOn: Field(11), Organizer: Field(12));
    }

    /// <summary>
    /// At most 14 fields, trimmed: the description (last) may itself contain ';'. A field quoted the way spreadsheets
    /// export it (<c>"Dyeing; ""waterless"""</c>) is unquoted, its <c>""</c> read as one quote and its <c>;</c> kept;
    /// a quote that does not close such a field is text, read as typed. Cells copied from a spreadsheet arrive separated
    /// by tabs: a line with a tab between every field is read so. The empty columns a sheet may have after the
    /// description (<c>;;</c>) are no part of it.
    /// </summary>
    internal static List<string> Fields(string line, char separator = ';')
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var position = 0;
        while (true)
        {
            if (fields.Count == FieldCount - 1)
            {
                var rest = line[position..].Trim().TrimEnd(separator).Trim();
                fields.Add(Unquoted(rest, separator) ?? rest);
                return fields;
            }

            if (QuotedField(line, position, separator) is var (quoted, next))
            {
                fields.Add(quoted);
                if (next > line.Length)
                {
                    return fields;
                }

                position = next;
                continue;
            }

            var end = line.IndexOf(separator, position);
            if (end < 0)
            {
                fields.Add(line[position..].Trim());
                return fields;
            }

            fields.Add(line[position..end].Trim());
            position = end + 1;
        }
    }

    /// <summary>The quoted field that starts at <paramref name="start"/> and where the next one starts (past the end
    /// when it is the last), or null when the field there is not quoted whole.</summary>
    private static (string Text, int Next)? QuotedField(string line, int start, char separator)
    {
        var open = start;
        // Blanks before the opening quote, but never the separator: a tab there ends an empty field.
        while (open < line.Length && (line[open] == ' ' || (line[open] == '\t' && separator != '\t')))
        {
            open++;
        }

        if (open >= line.Length || line[open] != '"')
        {
            return null;
        }

        var text = new System.Text.StringBuilder();
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] != '"')
            {
                text.Append(line[i]);
                continue;
            }

            if (i + 1 < line.Length && line[i + 1] == '"')
            {
                text.Append('"');
                i++;
                continue;
            }

            // The closing quote: only blanks may follow it before the separator.
            var end = line.IndexOf(separator, i + 1);
            var rest = end < 0 ? line[(i + 1)..] : line[(i + 1)..end];
            return rest.Trim().Length == 0 ? (text.ToString().Trim(), end < 0 ? line.Length + 1 : end + 1) : null;
        }

        return null;
    }

    private static string? Unquoted(string field, char separator) =>
        QuotedField(field, 0, separator) is var (text, next) && next > field.Length ? text : null;
}
