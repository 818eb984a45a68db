namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// What a function returns, as adaptive-expressions declares it. The official parser rejects a template when an
/// argument's declared type cannot fit (e.g. <c>length(1)</c>); <see cref="Object"/> means "anything".
/// </summary>
[Flags]
internal enum ReturnType
{
    Boolean = 1,
    Number = 2,
    Object = 4,
    String = 8,
    Array = 16,
}
