namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>
/// Mirrors a JavaScript <c>TypeError</c> the official engine does not catch (e.g. <c>null.toString()</c> while
/// interpolating a null value). It escapes the evaluator exactly where the JavaScript exception would.
/// </summary>
internal sealed class JsTypeErrorException(string message) : Exception(message);
