namespace HiTechTex.Bot.Cards.Templating;

/// <summary>A template that cannot be parsed, or data that makes the official engine fail while expanding it.</summary>
public sealed class CardTemplateException(string message, Exception? inner = null) : Exception(message, inner);
