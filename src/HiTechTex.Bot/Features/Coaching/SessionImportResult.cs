namespace HiTechTex.Bot.Features.Coaching;

/// <summary>What <see cref="SessionImport.Parse"/> read from a paste.</summary>
/// <param name="Drafts">The valid lines, in paste order.</param>
/// <param name="Errors">The lines with errors: "3 (Time zone (e.g. Europe/Lisbon))".</param>
/// <param name="FailedLines">The text of the lines with errors, for the correction box.</param>
/// <param name="FirstUnreadLine">The first line that was not read (a limit was reached), else null.</param>
/// <param name="UnreadByCharacters">True when the character limit stopped the reading, false when the line limit did.</param>
/// <param name="UnreadText">The lines not read, whole, when the bot has them; null when the text was cut before it
/// arrived (a card input stops at its <c>maxLength</c>), so that the last of them may be incomplete.</param>
/// <param name="FailedLineNumbers">The line number of each of <paramref name="FailedLines"/>.</param>
internal sealed record SessionImportResult(
    IReadOnlyList<ImportedLine> Drafts,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> FailedLines,
    int? FirstUnreadLine,
    bool UnreadByCharacters,
    string? UnreadText,
    IReadOnlyList<int> FailedLineNumbers);
