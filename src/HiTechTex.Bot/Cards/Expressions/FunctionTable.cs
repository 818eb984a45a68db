namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// The functions of the expression language (the subset of adaptive-expressions' standard functions the cards use),
/// keyed by every name they answer to. Each one follows the official implementation, quirks included, because the
/// C# output must equal the official engine's.
/// </summary>
internal static partial class FunctionTable
{
    private const int Many = int.MaxValue;

    private static readonly Dictionary<string, FunctionDefinition> Functions = Build();

    /// <summary>
    /// The function for <paramref name="name"/>. Like the templating engine's lookup, an unknown name still parses
    /// and fails only when evaluated (so that an interpolated string can show it as <c>${…}</c>).
    /// </summary>
    public static FunctionDefinition Lookup(string name) =>
        Functions.TryGetValue(name, out var function)
            ? function
            : new FunctionDefinition(name, 0, Many, (_, _) => throw new JsTypeErrorException($"Unknown function {name}"));

    private static Dictionary<string, FunctionDefinition> Build()
    {
        var table = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        void Add(FunctionDefinition function, params string[] aliases)
        {
            table[function.Type] = function;
            foreach (var alias in aliases)
            {
                table[alias] = function;
            }
        }

        // Memory access.
        Add(new(Expression.AccessorType, 1, 2, EvaluateAccessor));
        Add(new(Expression.ElementType, 2, 2, EvaluateElement));

        // Arithmetic.
        Add(new("+", 2, Many, EvaluateAdd), "add");
        Add(new("-", 2, Many, Numeric((a, b) => a - b)), "sub");
        Add(new("*", 2, Many, Numeric((a, b) => a * b)), "mul");
        Add(new("/", 2, Many, Numeric(Divide, VerifyDivisor)), "div");
        Add(new("%", 2, 2, EvaluateMod), "mod");
        Add(new("^", 2, Many, Numeric(Math.Pow)));
        Add(new("max", 1, Many, MinMax(double.NegativeInfinity, Math.Max)));
        Add(new("min", 1, Many, MinMax(double.PositiveInfinity, Math.Min)));
        Add(new("round", 1, 2, EvaluateRound));
        Add(new("floor", 1, 1, Apply(args => Math.Floor((double)args[0]!), VerifyNumber)));
        Add(new("ceiling", 1, 1, Apply(args => Math.Ceiling((double)args[0]!), VerifyNumber)));

        // Comparison and logic.
        Add(new("==", 2, 2, Comparison(args => JsValue.CommonEquals(args[0], args[1]))), "equals");
        Add(new("!=", 2, 2, Comparison(args => !JsValue.CommonEquals(args[0], args[1]))));
        Add(new("<", 2, 2, Comparison(args => Compare(args) < 0, VerifyNotNull)), "less");
        Add(new("<=", 2, 2, Comparison(args => Compare(args) <= 0, VerifyNotNull)), "lessOrEquals");
        Add(new(">", 2, 2, Comparison(args => Compare(args) > 0, VerifyNotNull)), "greater");
        Add(new(">=", 2, 2, Comparison(args => Compare(args) >= 0, VerifyNotNull)), "greaterOrEquals");
        Add(new("&&", 1, Many, EvaluateAnd), "and");
        Add(new("||", 1, Many, EvaluateOr), "or");
        Add(new("!", 1, 1, EvaluateNot), "not");
        Add(new("if", 3, 3, EvaluateIf));
        Add(new("coalesce", 1, Many, Apply(args => args.FirstOrDefault(a => !JsValue.IsNullish(a)) ?? JsUndefined.Value)), "??");
        Add(new("exists", 1, 1, Comparison(args => !JsValue.IsNullish(args[0]), VerifyNotNull)));
        Add(new("empty", 1, 1, Comparison(args => IsEmpty(args[0]), VerifyContainerOrNull)));
        Add(new("bool", 1, 1, Comparison(args => ToBool(args[0]))));

        // Collections.
        Add(new("count", 1, 1, Apply(Count, VerifyContainer)));
        Add(new("createArray", 0, Many, Apply(args => args.ToList())));
        Add(new("first", 1, 1, Apply(args => FirstOrLast(args[0], first: true))));
        Add(new("last", 1, 1, Apply(args => FirstOrLast(args[0], first: false))));
        Add(new("contains", 2, 2, EvaluateContains));
        Add(new("join", 2, 3, EvaluateJoin));
        Add(new("json", 1, 1, Apply(args => ParseJson(args[0]))));
        Add(new("setProperty", 3, 3, Apply(SetProperty)));

        // Strings and conversions.
        Add(new(Expression.ConcatType, 1, Many, Sequence(Concat)), "&");
        Add(new("length", 1, 1, Apply(args => (double)StringOrEmpty(args[0]).Length, VerifyStringOrUndefined)));
        Add(new("toUpper", 1, 2, Apply(args => args[0] is string or JsUndefined ? StringOrEmpty(args[0]).ToUpperInvariant() : JsUndefined.Value, VerifyStringOrUndefined)));
        Add(new("toLower", 1, 2, Apply(args => args[0] is string or JsUndefined ? StringOrEmpty(args[0]).ToLowerInvariant() : JsUndefined.Value, VerifyStringOrUndefined)));
        Add(new("trim", 1, 1, Apply(args => args[0] is string or JsUndefined ? JsTrim(StringOrEmpty(args[0])) : JsUndefined.Value, VerifyStringOrUndefined)));
        Add(new("startsWith", 2, 2, Apply(args => StringOrEmpty(args[0]).StartsWith(StringOrEmpty(args[1]), StringComparison.Ordinal), VerifyStringOrUndefined)));
        Add(new("endsWith", 2, 2, Apply(args => StringOrEmpty(args[0]).EndsWith(StringOrEmpty(args[1]), StringComparison.Ordinal), VerifyStringOrUndefined)));
        Add(new("replace", 3, 3, ApplyWithError(Replace, VerifyStringOrUndefined)));
        Add(new("substring", 2, 3, EvaluateSubstring));
        Add(new("string", 1, 2, EvaluateString));
        Add(new("int", 1, 1, ApplyWithError(ToInt)));
        Add(new("float", 1, 1, ApplyWithError(ToFloat)));
        Add(new("formatNumber", 2, 3, EvaluateFormatNumber));

        // Dates.
        Add(new("formatDateTime", 1, 3, EvaluateFormatDateTime));
        Add(new("convertFromUTC", 2, 4, EvaluateConvertFromUtc));

        return table;
    }
}
