namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>An expression that the adaptive-expressions grammar rejects (the official engine throws on these too).</summary>
internal sealed class ExpressionSyntaxException(string message) : Exception(message);
