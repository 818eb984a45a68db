namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// Tokenizer for adaptive-expressions (ExpressionAntlrLexer.g4, default mode): longest match wins, ties go to the
/// rule listed first; whitespace and newlines are skipped.
/// </summary>
internal static class ExpressionLexer
{
    // Longest first, so that "&&" wins over "&", "<=" over "<" and so on.
    private static readonly string[] Operators =
    [
        "==", "!=", "<>", "&&", "||", "<=", ">=", "=>", "??",
        "+", "-", "!", "^", "*", "/", "%", "&", "<", ">", "(", ")", ".", "[", "]", "{", "}", ",", ":", "?",
    ];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\ufeff' or '\u00a0' or '\r' or '\n')
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = FindStringEnd(text, i);
                if (end < 0)
                {
                    throw new ExpressionSyntaxException($"Unterminated string at {i} in '{text}'.");
                }

                tokens.Add(new Token(TokenKind.String, text[i..(end + 1)], i));
                i = end + 1;
                continue;
            }

            var identifierEnd = MatchIdentifier(text, i);
            if (identifierEnd > i + 1 || (identifierEnd == i + 1 && c != '%'))
            {
                tokens.Add(new Token(TokenKind.Identifier, text[i..identifierEnd], i));
                i = identifierEnd;
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                throw new ExpressionSyntaxException($"Invalid character '{c}' at {i} in '{text}'.");
            }

            tokens.Add(new Token(TokenKind.Operator, op, i));
            i += op.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    /// <summary>Index of the closing quote of the string starting at <paramref name="start"/>, or -1.</summary>
    public static int FindStringEnd(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == quote || text[i + 1] == '\\'))
            {
                i += 2;
                continue;
            }

            if (text[i] == quote)
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>IDENTIFIER: (LETTER | '_' | '#' | '@' | '@@' | '$' | '%') (LETTER | DIGIT | '_')*; returns the end index.</summary>
    private static int MatchIdentifier(string text, int i)
    {
        var c = text[i];
        if (!(char.IsAsciiLetter(c) || c is '_' or '#' or '@' or '$' or '%'))
        {
            return i;
        }

        var j = i + 1;
        if (c == '@' && j < text.Length && text[j] == '@')
        {
            j++;
        }

        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '_'))
        {
            j++;
        }

        return j;
    }
}
