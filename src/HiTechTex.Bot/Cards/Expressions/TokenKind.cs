namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>Token kinds of the adaptive-expressions grammar (default lexer mode).</summary>
internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Operator,
    End,
}
