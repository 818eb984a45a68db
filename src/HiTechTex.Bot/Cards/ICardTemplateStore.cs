using HiTechTex.Bot.Cards.Templating;

namespace HiTechTex.Bot.Cards;

/// <summary>The card templates of the <c>cards/</c> folder, by name (file name without <c>.json</c>).</summary>
public interface ICardTemplateStore
{
    /// <summary>The parsed template; throws <see cref="CardTemplateNotFoundException"/> when there is no such file.</summary>
    CardTemplate Get(string name);
}
