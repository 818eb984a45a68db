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
            : new FunctionDefinition(name, 0, Many, (_, _) => throw new JsTypeErrorException($"Unknown function {name}"), ReturnType.String);

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

        const ReturnType Bool = ReturnType.Boolean, Num = ReturnType.Number, Obj = ReturnType.Object, Str = ReturnType.String, Arr = ReturnType.Array;

        // Memory access.
        Add(new(Expression.AccessorType, 1, 2, EvaluateAccessor));
        Add(new(Expression.ElementType, 2, 2, EvaluateElement));

        // Arithmetic.
        Add(new("+", 2, Many, EvaluateAdd, Str | Num, [Str | Num]), "add");
        Add(new("-", 2, Many, Numeric((a, b) => a - b), Num, [Num]), "sub");
        Add(new("*", 2, Many, Numeric((a, b) => a * b), Num, [Num]), "mul");
        Add(new("/", 2, Many, Numeric(Divide, VerifyDivisor), Num, [Num]), "div");
        Add(new("%", 2, 2, EvaluateMod, Num, [Num]), "mod");
        Add(new("^", 2, Many, Numeric(Math.Pow, VerifyNumberOrNumericList), Num, [Num]));
        Add(new("max", 1, Many, MinMax(double.NegativeInfinity, Math.Max), Num));
        Add(new("min", 1, Many, MinMax(double.PositiveInfinity, Math.Min), Num));
        Add(new("round", 1, 2, EvaluateRound, Num, [Num]));
        Add(new("floor", 1, 1, Apply(args => Math.Floor((double)args[0]!), VerifyNumber), Num, [Num]));
        Add(new("ceiling", 1, 1, Apply(args => Math.Ceiling((double)args[0]!), VerifyNumber), Num, [Num]));

        // Comparison and logic.
        Add(new("==", 2, 2, Comparison(args => JsValue.CommonEquals(args[0], args[1])), Bool), "equals");
        Add(new("!=", 2, 2, Comparison(args => !JsValue.CommonEquals(args[0], args[1])), Bool));
        Add(new("<", 2, 2, Comparison(args => Compare(args) < 0, VerifyNotNull), Bool), "less");
        Add(new("<=", 2, 2, Comparison(args => Compare(args) <= 0, VerifyNotNull), Bool), "lessOrEquals");
        Add(new(">", 2, 2, Comparison(args => Compare(args) > 0, VerifyNotNull), Bool), "greater");
        Add(new(">=", 2, 2, Comparison(args => Compare(args) >= 0, VerifyNotNull), Bool), "greaterOrEquals");
        Add(new("&&", 1, Many, EvaluateAnd, Bool), "and");
        Add(new("||", 1, Many, EvaluateOr, Bool), "or");
        Add(new("!", 1, 1, EvaluateNot, Bool), "not");
        Add(new("if", 3, 3, EvaluateIf));
        Add(new("coalesce", 1, Many, Apply(args => args.FirstOrDefault(a => !JsValue.IsNullish(a)) ?? JsUndefined.Value)), "??");
        Add(new("exists", 1, 1, Comparison(args => !JsValue.IsNullish(args[0]), VerifyNotNull), Bool));
        Add(new("empty", 1, 1, Comparison(args => IsEmpty(args[0]), VerifyContainerOrNull), Bool));
        Add(new("bool", 1, 1, Comparison(args => ToBool(args[0])), Bool));

        // Collections.
        Add(new("count", 1, 1, Apply(Count, VerifyContainer), Num, [Str | Arr]));
        Add(new("createArray", 0, Many, Apply(args => args.ToList()), Arr));
        Add(new("first", 1, 1, Apply(args => FirstOrLast(args[0], first: true))));
        Add(new("last", 1, 1, Apply(args => FirstOrLast(args[0], first: false))));
        Add(new("contains", 2, 2, EvaluateContains, Bool));
        Add(new("join", 2, 3, EvaluateJoin, Str, [Arr, Str, Str]));
        Add(new("json", 1, 1, Apply(args => ParseJson(args[0])), Obj, [Str]));
        Add(new("setProperty", 3, 3, Apply(SetProperty), Obj, [Obj, Str, Obj]));

        // Strings and conversions.
        Add(new(Expression.ConcatType, 1, Many, Sequence(Concat), Str | Arr), "&");
        Add(new("length", 1, 1, Apply(args => (double)StringOrEmpty(args[0]).Length, VerifyStringOrUndefined), Num, [Str]));
        Add(new("toUpper", 1, 2, StringTransform(s => s.ToUpperInvariant()), Str, [Str]));
        Add(new("toLower", 1, 2, StringTransform(s => s.ToLowerInvariant()), Str, [Str]));
        Add(new("trim", 1, 1, StringTransform(s => s.Trim()), Str, [Str]));
        Add(new("startsWith", 2, 2, Apply(args => StringOrEmpty(args[0]).StartsWith(StringOrEmpty(args[1]), StringComparison.Ordinal), VerifyStringOrUndefined), Bool, [Str]));
        Add(new("endsWith", 2, 2, Apply(args => StringOrEmpty(args[0]).EndsWith(StringOrEmpty(args[1]), StringComparison.Ordinal), VerifyStringOrUndefined), Bool, [Str]));
        Add(new("replace", 3, 3, ApplyWithError(Replace, VerifyStringOrUndefined), Str, [Str]));
        Add(new("substring", 2, 3, EvaluateSubstring, Str, [Str, Num, Num]));
        Add(new("string", 1, 2, EvaluateString, Str, [Obj, Str]));
        Add(new("int", 1, 1, ApplyWithError(ToInt), Num));
        Add(new("float", 1, 1, ApplyWithError(ToFloat), Num));
        Add(new("formatNumber", 2, 3, EvaluateFormatNumber, Str, [Num, Num, Str]));

        // Dates.
        Add(new("formatDateTime", 1, 3, EvaluateFormatDateTime, Str, [Str, Str, Str]));
        Add(new("convertFromUTC", 2, 4, EvaluateConvertFromUtc, Str, [Str]));

        return table;
    }
}
