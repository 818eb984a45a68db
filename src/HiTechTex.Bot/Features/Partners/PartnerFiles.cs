using System.Text;
using System.Text.Json;
using CsvHelper;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Reads and writes the directory as CSV (header row with <see cref="PartnerRecord.Columns"/>, lists separated by
/// <c>;</c>) or JSON (an array of objects with the same property names), chosen by the file extension. Reading
/// validates every record and reports each bad one with its line; a duplicate id is a bad record too. CSV is written
/// with a UTF-8 byte-order mark (Excel) and formula-like fields neutralised (<see cref="SpreadsheetText"/>), which the
/// CSV import undoes; JSON is written and read as it is.
/// </summary>
internal static class PartnerFiles
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = HiTechTex.Bot.Protocol.Schema.WireJsonEncoder.Instance };

    public static bool IsSupported(string path) => Format(path) is not null;

    public static async Task<(IReadOnlyList<Organisation> Organisations, IReadOnlyList<PartnerImportError> Errors)> ReadAsync(string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (text, notText) = Decode(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        if (notText is not null)
        {
            return ([], [notText]);
        }

        var (organisations, errors) = Format(path) == "json" ? ReadJson(text, now) : ReadCsv(text, now);
        foreach (var duplicate in organisations.GroupBy(o => o.Organisation.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Skip(1).Select(d => new PartnerImportError(d.Line, $"id '{duplicate.Key}' appears more than once in the file")));
        }

        return ([.. organisations.Select(o => o.Organisation)], [.. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>
    /// The file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one. Anything else — typically Excel's
    /// plain "CSV" (Windows-1252) — is refused with the line of the first byte that is not UTF-8, rather than imported with
    /// its accented letters turned into U+FFFD for good.
    /// </summary>
    internal static (string Text, PartnerImportError? Problem) Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
            return (reader.ReadToEnd(), null);
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var source = bytes.AsSpan(start);
        var chars = new char[source.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(source, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var line = 1 + source[..read].Count((byte)'\n');
            return ("", new PartnerImportError(line, "the file is not UTF-8 text (in Excel, save it as \"CSV UTF-8\")"));
        }

        return (new string(chars, 0, written), null);
    }

    public static async Task WriteAsync(string path, IReadOnlyList<Organisation> organisations, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        if (Format(path) == "json")
        {
            await using var json = new Utf8JsonWriter(stream, WriterOptions);
            json.WriteStartArray();
            foreach (var organisation in organisations)
            {
                json.WriteStartObject();
                var fields = PartnerRecord.Fields(organisation);
                for (var i = 0; i < PartnerRecord.Columns.Length; i++)
                {
                    json.WriteString(PartnerRecord.Columns[i], fields[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // A byte-order mark: without it Excel reads the file as the system's code page ("TÃªxteis"); the import skips it.
        await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken).ConfigureAwait(false);
        using var csv = CsvWriter.Create(stream, CsvWriterOptions.Default with { NewLine = "\n" }, true);
        csv.WriteHeader(PartnerRecord.Columns);
        foreach (var organisation in organisations)
        {
            foreach (var field in PartnerRecord.Fields(organisation))
            {
                // "=cmd|…" opened in a spreadsheet would run; written "'=cmd|…", read back as it was.
                csv.WriteField(SpreadsheetText.Neutralise(field));
            }

            csv.EndRecord();
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".json" => "json",
        _ => null,
    };

    private static (List<(int Line, Organisation Organisation)>, List<PartnerImportError>) ReadCsv(string text, DateTimeOffset now)
    {
        var organisations = new List<(int, Organisation)>();
        var errors = new List<PartnerImportError>();
        var options = CsvReaderOptions.Default with { Separator = SeparatorOf(text), TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.Create(new StringReader(text), options, false);
        // "Name", "ID", "ContactEmails": a header retyped in a spreadsheet names its column in any letter case.
        var header = csv.Headers.Select(h => PartnerRecord.Columns.FirstOrDefault(c => string.Equals(c, h, StringComparison.OrdinalIgnoreCase)) ?? h).ToArray();
        // "…;isDemo;;;": columns beyond the data that were once used, which Excel keeps with empty names. They are no
        // columns (their fields must be empty too); an empty name between named columns is still refused.
        var unnamed = Enumerable.Reverse(header).TakeWhile(h => h.Length == 0).Count();
        if (unnamed < header.Length)
        {
            header = header[..^unnamed];
        }

        if (header.Length == 0)
        {
            errors.Add(new PartnerImportError(1, "the file is empty (a header row is required)"));
            return (organisations, errors);
        }

        var missing = PartnerRecord.RequiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        var unknown = header.Where(h => !PartnerRecord.Columns.Contains(h, StringComparer.Ordinal)).ToList();
        var twice = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || twice.Count > 0)
        {
            var reasons = missing.Select(m => $"missing column '{m}'").Concat(unknown.Select(u => $"unknown column '{u}'"))
                .Concat(twice.Select(t => $"column '{t}' appears more than once"));
            errors.Add(new PartnerImportError(1, string.Join("; ", reasons)));
            return (organisations, errors);
        }

        try
        {
            while (csv.Read())
            {
                // The line the record starts on (a quoted field may span lines).
                var line = (int)csv.LineNumber;
                if (csv.FieldCount > header.Length && Enumerable.Range(header.Length, csv.FieldCount - header.Length).Any(i => csv.GetString(i).Length > 0))
                {
                    errors.Add(new PartnerImportError(line, $"{csv.FieldCount} fields where the header has {header.Length}"));
                    continue;
                }

                // A row Excel kept because it was formatted, saved as separators only (";;;;"): no record, no error.
                if (Enumerable.Range(0, csv.FieldCount).All(i => csv.GetString(i).Length == 0))
                {
                    continue;
                }

                var problems = new List<string>();
                var organisation = PartnerRecord.Parse(name => Array.IndexOf(header, name) is var index and >= 0 ? SpreadsheetText.Restore(csv.GetString(index)) : null, now, problems);
                if (organisation is null)
                {
                    errors.Add(new PartnerImportError(line, string.Join("; ", problems)));
                }
                else
                {
                    organisations.Add((line, organisation));
                }
            }
        }
        catch (CsvFormatException exception)
        {
            errors.Add(new PartnerImportError((int)csv.LineNumber, "not valid CSV: " + exception.Message));
        }

        return (organisations, errors);
    }

    /// <summary>
    /// The separator of the header row, which no column name contains: <c>,</c>, or the <c>;</c> of Excel's CSV where
    /// the decimal comma is (pt, es, it, cs, tr), or the tab of its "Unicode text" — read as one unknown column before.
    /// </summary>
    private static char SeparatorOf(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var header = end < 0 ? text : text[..end];
        return new[] { ',', ';', '\t' }.MaxBy(c => header.Count(h => h == c));
    }

    private static (List<(int Line, Organisation Organisation)>, List<PartnerImportError>) ReadJson(string text, DateTimeOffset now)
    {
        var organisations = new List<(int, Organisation)>();
        var errors = new List<PartnerImportError>();
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int LineOf(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new PartnerImportError(1, "the file must hold a JSON array of organisations"));
                return (organisations, errors);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = LineOf(reader.TokenStartIndex);
                using var document = JsonDocument.ParseValue(ref reader);
                var element = document.RootElement;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new PartnerImportError(line, "not a JSON object"));
                    continue;
                }

                var problems = new List<string>();
                var unknown = element.EnumerateObject().Select(p => p.Name).Where(n => !PartnerRecord.Columns.Contains(n, StringComparer.Ordinal)).ToList();
                problems.AddRange(unknown.Select(u => $"unknown property '{u}'"));
                var organisation = PartnerRecord.Parse(name => JsonField(element, name), now, problems);
                if (organisation is null || problems.Count > 0)
                {
                    errors.Add(new PartnerImportError(line, string.Join("; ", problems)));
                }
                else
                {
                    organisations.Add((line, organisation));
                }
            }
        }
        catch (JsonException exception)
        {
            errors.Add(new PartnerImportError((int)(exception.LineNumber ?? 0) + 1, "not valid JSON: " + exception.Message));
        }

        return (organisations, errors);
    }

    // Lists may be JSON arrays or ';'-separated text; numbers and booleans may be JSON values or text.
    private static string? JsonField(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }
}
