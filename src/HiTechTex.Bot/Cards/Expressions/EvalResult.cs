namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>A value or an error message, like adaptive-expressions' <c>ValueWithError</c>.</summary>
internal readonly record struct EvalResult(object? Value, string? Error)
{
    public static EvalResult Ok(object? value) => new(value, null);

    public static EvalResult Fail(string error) => new(JsUndefined.Value, error);
}
