namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// A function of the expression language. <see cref="Type"/> is the canonical name adaptive-expressions gives it
/// (e.g. <c>add</c> is <c>+</c>), which shows when an expression is printed back. <see cref="ArgumentTypes"/> gives
/// the declared type of each argument position, the last one repeating (null: any).
/// </summary>
internal sealed record FunctionDefinition(
    string Type,
    int MinArity,
    int MaxArity,
    Func<Expression, EvaluationState, EvalResult> Evaluate,
    ReturnType Returns = ReturnType.Object,
    ReturnType[]? ArgumentTypes = null)
{
    /// <summary>The official parse-time checks: arity, and argument types that cannot match.</summary>
    public void Validate(IReadOnlyList<Expression> children)
    {
        if (children.Count < MinArity || children.Count > MaxArity)
        {
            throw new ExpressionSyntaxException($"{Type} takes {MinArity}..{MaxArity} arguments, not {children.Count}.");
        }

        // An accessor applies to what its left side returns, which must be able to be an object.
        if (Type == Expression.AccessorType && children.Count == 2 && (children[1].Returns & ReturnType.Object) == 0)
        {
            throw new ExpressionSyntaxException($"{children[1]} cannot have properties.");
        }

        if (ArgumentTypes is not { Length: > 0 } types)
        {
            return;
        }

        for (var i = 0; i < children.Count; i++)
        {
            var expected = types[Math.Min(i, types.Length - 1)];
            var actual = children[i].Returns;
            if ((expected & ReturnType.Object) == 0 && (actual & ReturnType.Object) == 0 && (expected & actual) == 0)
            {
                throw new ExpressionSyntaxException($"{children[i]} is not a {expected} expression in {Type}.");
            }
        }
    }
}
