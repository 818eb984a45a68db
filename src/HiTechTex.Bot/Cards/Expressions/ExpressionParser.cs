using System.Globalization;
using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// Recursive-descent parser for the adaptive-expressions grammar (ExpressionAntlrParser.g4). Precedence, from
/// tightest: unary <c>! - +</c>; <c>^</c> (right); <c>* / %</c>; <c>+ -</c>; <c>== != &lt;&gt;</c>; <c>&amp;</c>;
/// <c>&lt; &lt;= &gt; &gt;=</c>; <c>&amp;&amp;</c>; <c>||</c>; <c>??</c>; <c>?:</c>. Note that equality binds tighter
/// than the relational operators, as in the official grammar.
/// </summary>
internal sealed partial class ExpressionParser
{
    private readonly List<Token> _tokens;
    private readonly string _source;
    private int _pos;

    private ExpressionParser(string source)
    {
        _source = source;
        _tokens = ExpressionLexer.Tokenize(source);
    }

    /// <summary>Parses one expression (a leading <c>=</c> is ignored; an empty text is the empty string).</summary>
    public static Expression Parse(string text)
    {
        if (text.StartsWith('='))
        {
            text = text[1..];
        }

        if (text.Length == 0)
        {
            return new ConstantExpression(string.Empty);
        }

        var parser = new ExpressionParser(text);
        var result = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Error("unexpected token");
        }

        return result;
    }

    private Token Current => _tokens[_pos];

    private ExpressionSyntaxException Error(string what) =>
        new($"Syntax error at {Current.Position} ({what}: '{Current.Text}') in '{_source}'.");

    private bool Accept(string op)
    {
        if (Current.Is(op))
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(string op)
    {
        if (!Accept(op))
        {
            throw Error($"expected '{op}'");
        }
    }

    private Expression ParseExpression()
    {
        var condition = ParseBinary(0);
        if (Accept("?"))
        {
            var whenTrue = ParseExpression();
            Expect(":");
            var whenFalse = ParseExpression();
            return Make("if", condition, whenTrue, whenFalse);
        }

        return condition;
    }

    // Binary levels, loosest first.
    private static readonly string[][] Levels =
    [
        ["??"],
        ["||"],
        ["&&"],
        ["<", "<=", ">", ">="],
        ["&"],
        ["==", "!=", "<>"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private Expression ParseBinary(int level)
    {
        if (level == Levels.Length)
        {
            return ParsePower();
        }

        var left = ParseBinary(level + 1);
        while (Current.Kind == TokenKind.Operator && Levels[level].Contains(Current.Text))
        {
            var op = Current.Text;
            _pos++;
            var right = ParseBinary(level + 1);
            left = Make(op, left, right);
        }

        return left;
    }

    private Expression ParsePower()
    {
        var left = ParseUnary();
        if (Accept("^"))
        {
            return Make("^", left, ParsePower());
        }

        return left;
    }

    private Expression ParseUnary()
    {
        if (Current.Is("!") || Current.Is("-") || Current.Is("+"))
        {
            var op = Current.Text;
            _pos++;
            var operand = ParseUnary();
            // As the official parser: -x is 0 - x and +x is 0 + x.
            return op == "!" ? Make("!", operand) : Make(op, new ConstantExpression(0.0), operand);
        }

        return ParsePrimary();
    }

    private Expression ParsePrimary()
    {
        var start = _pos;
        var expression = ParseAtom();
        while (true)
        {
            if (Accept("."))
            {
                if (Current.Kind != TokenKind.Identifier)
                {
                    throw Error("expected a property name");
                }

                var property = Current.Text;
                _pos++;
                expression = Make(Expression.AccessorType, new ConstantExpression(property), expression);
            }
            else if (Current.Is("(") || (Current.Is("!") && _tokens[_pos + 1].Is("(")))
            {
                // The function name is the text of the primary expression before the parenthesis.
                var name = string.Concat(_tokens.Skip(start).Take(_pos - start).Select(t => t.Text));
                if (Accept("!"))
                {
                    name += "!";
                }

                _pos++;
                var args = ParseArgs(")");
                expression = Make(name, [.. args]);
            }
            else if (Accept("["))
            {
                var index = ParseExpression();
                Expect("]");
                expression = Make(Expression.ElementType, expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    private Expression ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _pos++;
                return new ConstantExpression(double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            case TokenKind.String:
                _pos++;
                return new ConstantExpression(Unquote(token.Text));
            case TokenKind.Identifier:
                _pos++;
                return token.Text switch
                {
                    "true" => new ConstantExpression(true),
                    "false" => new ConstantExpression(false),
                    "null" => new ConstantExpression(null),
                    "undefined" => new ConstantExpression(JsUndefined.Value),
                    _ => Make(Expression.AccessorType, new ConstantExpression(token.Text)),
                };
            case TokenKind.Operator when token.Text == "(":
                _pos++;
                var inner = ParseExpression();
                Expect(")");
                return inner;
            case TokenKind.Operator when token.Text == "[":
                _pos++;
                return Make("createArray", [.. ParseArgs("]")]);
            case TokenKind.Operator when token.Text == "{":
                _pos++;
                return ParseObjectLiteral();
            default:
                throw Error("unexpected token");
        }
    }

    private List<Expression> ParseArgs(string close)
    {
        var args = new List<Expression>();
        if (Accept(close))
        {
            return args;
        }

        do
        {
            if (Current.Kind == TokenKind.Identifier && _tokens[_pos + 1].Is("=>"))
            {
                throw Error("lambda expressions are not supported");
            }

            args.Add(ParseExpression());
        }
        while (Accept(","));

        Expect(close);
        return args;
    }

    private Expression ParseObjectLiteral()
    {
        // As the official parser: json('{}') followed by one setProperty per pair.
        var result = Make("json", new ConstantExpression("{}"));
        if (Accept("}"))
        {
            return result;
        }

        do
        {
            var key = Current.Kind switch
            {
                TokenKind.Identifier => Current.Text,
                TokenKind.String => Current.Text[1..^1],
                _ => throw Error("expected a key"),
            };
            _pos++;
            Expect(":");
            result = Make("setProperty", result, new ConstantExpression(key), ParseExpression());
        }
        while (Accept(","));

        Expect("}");
        return result;
    }

    private static string Unquote(string text)
    {
        var quote = text[0];
        var body = text[1..^1].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        return EscapeSequence().Replace(body, m => m.Value switch
        {
            "\\r" => "\r",
            "\\n" => "\n",
            "\\t" => "\t",
            "\\\\" => "\\",
            _ => m.Value,
        });
    }

    private static Expression Make(string name, params Expression[] children)
    {
        var function = FunctionTable.Lookup(name);
        function.Validate(children);
        return new Expression(function, children);
    }

    [GeneratedRegex(@"\\[^\r\n]?")]
    private static partial Regex EscapeSequence();
}
