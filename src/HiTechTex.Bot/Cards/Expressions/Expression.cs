using System.Text;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>A node of the expression AST: a function (or operator, accessor, element) applied to children.</summary>
internal class Expression(FunctionDefinition function, IReadOnlyList<Expression> children)
{
    public const string AccessorType = "Accessor";
    public const string ElementType = "Element";
    public const string ConcatType = "concat";

    public FunctionDefinition Function { get; } = function;

    public string Type => Function.Type;

    public IReadOnlyList<Expression> Children { get; } = children;

    /// <summary>The declared type of the result (used by the parse-time checks).</summary>
    public virtual ReturnType Returns => Function.Returns;

    public virtual EvalResult TryEvaluate(EvaluationState state) => Function.Evaluate(this, state);

    /// <summary>Prints the expression back the way adaptive-expressions does (used for unresolved <c>${…}</c>).</summary>
    public override string ToString()
    {
        if (Type == AccessorType && Children.Count >= 1 && Children[0] is ConstantExpression { Value: string property })
        {
            if (Children.Count == 1)
            {
                return property;
            }

            if (Children.Count == 2)
            {
                return $"{Children[1]}.{property}";
            }
        }
        else if (Type == ElementType && Children.Count == 2)
        {
            return $"{Children[0]}[{Children[1]}]";
        }

        var infix = Type.Length > 0 && !char.IsAsciiLetter(Type[0]) && Children.Count >= 2;
        var sb = new StringBuilder();
        if (!infix)
        {
            sb.Append(Type);
        }

        sb.Append('(');
        for (var i = 0; i < Children.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(infix ? $" {Type} " : ", ");
            }

            sb.Append(Children[i]);
        }

        return sb.Append(')').ToString();
    }
}
