namespace HiTechTex.Bot.Cards.Expressions;

/// <summary>Where accessor paths such as <c>items[0].name</c> are looked up.</summary>
internal interface IMemory
{
    /// <summary>The value at <paramref name="path"/>, or <see cref="JsUndefined.Value"/>.</summary>
    object? GetValue(string path);
}
