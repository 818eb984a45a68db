using HiTechTex.Bot.Features.Coaching;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>The import's character limit: a line is read whole or not at all, and only a text longer than the limit was cut.</summary>
public sealed class SessionImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly CoachingTexts Texts = CoachingTexts.Resolve("en");

    [Fact]
    public void Parse_LineAcrossMidnight_ImportedEndingOnTheNextDay_ALineTooLongForThatNamedWithWhy()
    {
        // Before: "22:00;01:00" was refused as "End time: must be after the start time".
        var paste = string.Join("\n",
            "Night dyeing;Dyeing;Ana;EN;2026-12-10;22:00;01:00;Europe/Lisbon;20;Online;;2026-12-09;coaching@example.org;Shift work",
            "Slip;Dyeing;Ana;EN;2026-12-10;14:00;13:00;Europe/Lisbon;20;Online;;2026-12-09;coaching@example.org;Typo");

        var result = SessionImport.Parse(paste, Texts, Now);

        var draft = Assert.Single(result.Drafts).Draft;
        Assert.Equal((new DateTimeOffset(2026, 12, 10, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 11, 1, 0, 0, TimeSpan.Zero)), (draft.StartsAt, draft.EndsAt));
        Assert.Equal(["2 (End time: must be after the start time; an end earlier than the start counts as the next day only for a session of at most 12 hours)"], result.Errors);
    }

    [Theory]
    [InlineData(19_999)]
    [InlineData(20_000)]
    public void Parse_PasteUpToTheLimit_EveryLineReadTheLastOneWhole(int length)
    {
        // A paste of exactly 20,000 characters had its last line left unread as "possibly cut".
        var paste = PasteOf(length);

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Equal(length, paste.Length);
        Assert.Equal([1, 2, 3, 4, 5, 6], result.Drafts.Select(d => d.Number));
        Assert.Equal(paste[(paste.LastIndexOf(';') + 1)..], result.Drafts[^1].Draft.Description);
        Assert.Null(result.FirstUnreadLine);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_PasteOneCharacterOverTheLimit_TheLineTheLimitFallsInNotReadNorOfferedBack()
    {
        // The length of the card's input: Teams may have cut the paste there, so the last line is not offered back.
        var paste = PasteOf(SessionImport.MaxCharacters + 1);

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Equal(SessionImport.InputMaxLength, paste.Length);
        Assert.Equal([1, 2, 3, 4, 5], result.Drafts.Select(d => d.Number));
        Assert.Equal(6, result.FirstUnreadLine);
        Assert.True(result.UnreadByCharacters);
        Assert.Null(result.UnreadText);
    }

    [Fact]
    public void Parse_LineEndingExactlyAtTheLimitThenMore_ThatLineReadTheOnesAfterOfferedBack()
    {
        var extra = Line("Imported 6", 10);
        var paste = PasteOf(SessionImport.MaxCharacters) + "\n" + extra;

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Equal([1, 2, 3, 4, 5, 6], result.Drafts.Select(d => d.Number));
        Assert.Equal(7, result.FirstUnreadLine);
        Assert.Equal(extra, result.UnreadText);
    }

    [Theory]
    [InlineData("en", "2 (2 fields separated by ';', at least 13 needed)")]
    [InlineData("pt", "2 (2 campos separados por ';', são precisos pelo menos 13)")]
    [InlineData("cs", "2 (polí oddělených ';': 2, potřeba je alespoň 13)")]
    public void Parse_LineWithTooFewFields_NamedWithTheReason(string language, string said)
    {
        // Before: "Lines with errors: 2" — the line's number alone, no reason (every other refused line has one).
        var result = SessionImport.Parse(Line("Fine", 0) + "\nshort;line", CoachingTexts.Resolve(language), Now);

        Assert.Equal([1], result.Drafts.Select(d => d.Number));
        Assert.Equal([said], result.Errors);
        Assert.Equal(["short;line"], result.FailedLines);
    }

    [Fact]
    public void Parse_RowsCopiedFromExcel_TabSeparated_ReadLikeSemicolonSeparatedLines()
    {
        // Cells copied from Excel (or LibreOffice) reach the box separated by tabs, rows by CRLF, a cell with a quote
        // quoted: every line was "1 fields separated by ';', at least 13 needed".
        var paste = string.Join("\r\n",
            "Title\tTopic\tTrainer\tLanguage\tDate\tStart\tEnd\tTime zone\tCapacity\tMode\tLocation\tCloses on\tOrganizer\tDescription",
            "Dyeing; waterless\tDyeing\tAna\tPT\t2026-12-10\t09:00\t11:00\tEurope/Lisbon\t20\tOnSite\tCITEVE; Famalicão\t2026-12-09\tcoaching@example.org\t\"Bring \"\"samples\"\"; notes\"",
            "Smart yarns\tSmart textiles\tLucía\tES\t2026-12-11\t14:00\t16:00\tEurope/Madrid\t30\tOnline\t\t2026-12-10\tcoaching@example.org\t") + "\r\n";

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Empty(result.Errors);
        Assert.Equal([2, 3], result.Drafts.Select(d => d.Number));
        var (first, second) = (result.Drafts[0].Draft, result.Drafts[1].Draft);
        Assert.Equal(("Dyeing; waterless", "CITEVE; Famalicão", "Bring \"samples\"; notes"), (first.Title, first.Location, first.Description));
        Assert.Equal(("Smart yarns", 30, SessionMode.Online, ""), (second.Title, second.Capacity, second.Mode, second.Description));
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public void Parse_HeaderLineNamingTheFieldsInTheCoordinatorsLanguage_SkippedLikeTheEnglishOne(string language)
    {
        // The card's help names the fields in the coordinator's language ("título;tema;…"); that line used as the
        // sheet's header was reported as line 1 with errors in every field but the title. Only "title…" was skipped.
        var texts = CoachingTexts.Resolve(language);
        var header = texts.ImportHelp[(texts.ImportHelp.IndexOf(": ", StringComparison.Ordinal) + 2)..];

        var result = SessionImport.Parse(header.ToUpperInvariant() + "\n" + Line("Fine", 0), texts, Now);

        Assert.Empty(result.Errors);
        Assert.Equal([2], result.Drafts.Select(d => d.Number));
    }

    [Fact]
    public void Parse_MorningTimeWithAOneDigitHour_AsExcelShowsIt_Read()
    {
        // Excel's h:mm shows and copies "9:00": the line was refused, "Start time: a time of day as hh:mm, like 14:30".
        var result = SessionImport.Parse("Early;Dyeing;Ana;EN;2026-12-10;9:00;9:45:00;Europe/Lisbon;20;Online;;2026-12-09;coaching@example.org;", Texts, Now);

        Assert.Empty(result.Errors);
        var draft = Assert.Single(result.Drafts).Draft;
        Assert.Equal((new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 9, 45, 0, TimeSpan.Zero)), (draft.StartsAt, draft.EndsAt));
    }

    [Theory]
    [InlineData("09.00", "11.30")]
    [InlineData("9.00", "11.30")]
    public void Parse_TimeWrittenWithAPointBetweenHoursAndMinutes_AsInItalyOrCzechia_Read(string start, string end)
    {
        // "09.00" was refused: "Start time: a time of day as hh:mm, like 14:30".
        var result = SessionImport.Parse($"Early;Dyeing;Ana;EN;2026-12-10;{start};{end};Europe/Lisbon;20;Online;;2026-12-09;coaching@example.org;", Texts, Now);

        Assert.Empty(result.Errors);
        var draft = Assert.Single(result.Drafts).Draft;
        Assert.Equal((new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 11, 30, 0, TimeSpan.Zero)), (draft.StartsAt, draft.EndsAt));
    }

    [Theory]
    [InlineData("9.5")]
    [InlineData("09.5")]
    [InlineData("9.000")]
    [InlineData("09,00")]
    [InlineData("25.00")]
    public void Parse_TimeWithAPointNotPlainlyHoursAndMinutes_StillRefused(string start)
    {
        // "9.5" could be 9:05 or 9:30: not guessed.
        var result = SessionImport.Parse($"Early;Dyeing;Ana;EN;2026-12-10;{start};11:00;Europe/Lisbon;20;Online;;2026-12-09;coaching@example.org;", Texts, Now);

        Assert.Empty(result.Drafts);
        Assert.Equal(["1 (Start time (session's time zone): a time of day as hh:mm, like 14:30)"], result.Errors);
    }

    [Fact]
    public void Parse_TrailingEmptyColumnsOfASpreadsheet_NotAddedToTheDescription()
    {
        // A sheet with used columns after the description saves them as ";;": they were kept in the description, and
        // a quoted description followed by them was stored with its quotes.
        var paste = string.Join("\n",
            Line("Plain", 0) + "Shift work;;;",
            Line("Quoted", 0) + "\"Dyeing; \"\"waterless\"\"\";;");

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Empty(result.Errors);
        Assert.Equal(["Shift work", "Dyeing; \"waterless\""], result.Drafts.Select(d => d.Draft.Description));
    }

    [Fact]
    public void Parse_QuotedCellHoldingALineBreak_ReadAsOneLineKeepingTheBreak_LaterLinesNamedByTheirOwnNumbers()
    {
        // A multi-line cell saved or copied from a sheet is quoted with its line break inside: the text was split on
        // line breaks first, so the line was refused for its half description and the rest named as a line of too few fields.
        var paste = string.Join("\r\n",
            Line("Multi", 0) + "\"Line one;\nline \"\"two\"\"\"",
            "Excel\tSmart textiles\tLucía\tES\t2026-12-10\t14:00\t16:00\tEurope/Madrid\t20\tOnline\t\t2026-12-09\tcoaching@hitechtex.example\t\"First\nSecond\"",
            "Bad;Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;0;Online;;2026-12-09;coaching@hitechtex.example;\"Still\nthe same\"",
            Line("After", 0));

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Equal([1, 3, 7], result.Drafts.Select(d => d.Number));
        Assert.Equal(["Line one;\nline \"two\"", "First\nSecond", ""], result.Drafts.Select(d => d.Draft.Description));
        Assert.Equal(["5 (Capacity: a whole number from 1 to 1000)"], result.Errors);
        Assert.Equal(["Bad;Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;0;Online;;2026-12-09;coaching@hitechtex.example;\"Still\nthe same\""], result.FailedLines);
    }

    [Fact]
    public void Parse_QuoteThatNeverClosesACell_ReadAsTypedAndTheNextLinesAsTheirOwn()
    {
        var paste = string.Join("\n", Line("Open", 0) + "\"Quote typed", Line("Next", 0));

        var result = SessionImport.Parse(paste, Texts, Now);

        Assert.Equal([1, 2], result.Drafts.Select(d => d.Number));
        Assert.Equal("\"Quote typed", result.Drafts[0].Draft.Description);
    }

    /// <summary>Six valid lines, the last one's description padded so that the paste is <paramref name="length"/> characters long.</summary>
    private static string PasteOf(int length)
    {
        var head = string.Join("\n", Enumerable.Range(0, 5).Select(i => Line("Imported " + i, 3_800))) + "\n";
        var last = Line("Imported 5", 0);
        return head + last + new string('y', length - head.Length - last.Length);
    }

    private static string Line(string title, int descriptionLength) =>
        $"{title};Smart textiles;Lucía;ES;2026-12-10;14:00;16:00;Europe/Madrid;20;Online;;2026-12-09;coaching@hitechtex.example;" + new string('x', descriptionLength);
}
