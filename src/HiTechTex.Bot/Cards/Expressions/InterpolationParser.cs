using System.Text;

namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// Parses a template string such as <c>"Hello ${name}"</c> the way adaptivecards-templating does: as the
/// adaptive-expressions string interpolation <c>`…`</c> (lexer mode STRING_INTERPOLATION_MODE). The result is a
/// <c>concat</c> of text constants and expressions; a string that is exactly one expression yields that expression,
/// so that it keeps its type.
/// </summary>
internal static class InterpolationParser
{
    /// <summary>The prepared form of <paramref name="text"/>: an expression, or null when it holds no <c>${</c>.</summary>
    public static Expression? Parse(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        var children = new List<Expression> { new ConstantExpression(string.Empty) };
        var pending = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '`')
            {
                // An unescaped backtick ends the interpolation early: the official parser reports a syntax error.
                throw new ExpressionSyntaxException($"Unescaped '`' at {i} in '{text}'.");
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '`' or '$')
            {
                Flush(children, pending);
                children.Add(new ConstantExpression(text[i + 1].ToString()));
                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = MatchTemplate(text, i);
                if (end > 0)
                {
                    Flush(children, pending);
                    children.Add(ExpressionParser.Parse(TrimExpression(text[i..end])));
                    i = end;
                    continue;
                }
            }

            pending.Append(c);
            i++;
        }

        Flush(children, pending);
        if (children.Count == 2 && children[1] is not ConstantExpression)
        {
            return children[1];
        }

        return new Expression(FunctionTable.Lookup(Expression.ConcatType), children);
    }

    private static void Flush(List<Expression> children, StringBuilder pending)
    {
        if (pending.Length > 0)
        {
            children.Add(new ConstantExpression(pending.ToString()));
            pending.Clear();
        }
    }

    /// <summary>
    /// TEMPLATE : '$' '{' (STRING | OBJECT_DEFINITION | ~[\r\n{}'"`])+ '}'. Returns the index after the closing brace,
    /// or -1 when the text at <paramref name="start"/> is not a template (it is then plain text).
    /// </summary>
    private static int MatchTemplate(string text, int start)
    {
        var i = start + 2;
        var count = 0;
        while (i < text.Length)
        {
            var c = text[i];
            switch (c)
            {
                case '}':
                    return count > 0 ? i + 1 : -1;
                case '\'' or '"':
                    var stringEnd = ExpressionLexer.FindStringEnd(text, i);
                    if (stringEnd < 0)
                    {
                        return -1;
                    }

                    i = stringEnd + 1;
                    break;
                case '{':
                    var objectEnd = MatchObject(text, i);
                    if (objectEnd < 0)
                    {
                        return -1;
                    }

                    i = objectEnd;
                    break;
                case '\r' or '\n' or '`':
                    return -1;
                default:
                    i++;
                    break;
            }

            count++;
        }

        return -1;
    }

    /// <summary>A balanced <c>{…}</c> (strings may hold braces); returns the index after it, or -1.</summary>
    private static int MatchObject(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var end = ExpressionLexer.FindStringEnd(text, i);
                if (end < 0)
                {
                    return -1;
                }

                i = end + 1;
                continue;
            }

            if (c is '\r' or '\n' or '`')
            {
                return -1;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i + 1;
            }

            i++;
        }

        return -1;
    }

    /// <summary>"${ expr }" → "expr", as the official trimExpression.</summary>
    private static string TrimExpression(string template)
    {
        var result = template.Trim();
        if (result.StartsWith('$'))
        {
            result = result[1..];
        }

        result = result.Trim();
        if (result.StartsWith('{') && result.EndsWith('}'))
        {
            result = result[1..^1];
        }

        return result.Trim();
    }
}
