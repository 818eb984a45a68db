namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// A function of the expression language. <see cref="Type"/> is the canonical name adaptive-expressions gives it
/// (e.g. <c>add</c> is <c>+</c>), which shows when an expression is printed back.
/// </summary>
internal sealed record FunctionDefinition(
    string Type,
    int MinArity,
    int MaxArity,
    Func<Expression, EvaluationState, EvalResult> Evaluate);
