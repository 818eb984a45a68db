namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A valid line of an import: its number in the paste, its session and its normalised content.</summary>
/// <param name="Content">The line's fields as read (trimmed, unquoted): two lines with the same content are the same session.</param>
internal sealed record ImportedLine(int Number, SessionDraft Draft, string Content);
