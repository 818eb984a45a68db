namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>The choice a <see cref="ChoicePrompt"/> recognised.</summary>
/// <param name="Value">The <see cref="Choice.Value"/>.</param>
/// <param name="Index">Its zero-based position in <see cref="PromptOptions.Choices"/>.</param>
/// <param name="Score">1 for an exact match, lower for partial or fuzzy matches.</param>
/// <param name="Synonym">The value or synonym that matched.</param>
public sealed record FoundChoice(string Value, int Index, double Score, string Synonym);
