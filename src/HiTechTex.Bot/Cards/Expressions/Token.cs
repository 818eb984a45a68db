namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>One lexed token; <see cref="Text"/> is the source text (strings keep their quotes).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;
}
