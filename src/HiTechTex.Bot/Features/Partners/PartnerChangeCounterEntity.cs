namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The one-row change counter of the partner directory. Every directory write increments it in its transaction and
/// stamps the rows it changes; the row lock held until commit makes the numbers commit in order, so an instance that
/// has seen every change up to N finds all later ones with <c>UpdatedSeq &gt; N</c>.
/// </summary>
internal sealed class PartnerChangeCounterEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
