namespace HiTechTex.Bot.Cards;

/// <summary>
/// A card with a list that grows without a bound of its own (an application's history, a session's participants) kept
/// under the size limit (<see cref="CardRenderer.MaxCardBytes"/>): rendered with the whole list, and when that is too
/// large, with as many of its items as fit — the caller chooses which (the newest, the first) and says how many are not
/// shown. Over the limit the renderer throws <see cref="CardTooLargeException"/>, and the card was not shown at all.
/// </summary>
public static class CardListFit
{
    /// <summary>
    /// <paramref name="render"/> of all <paramref name="count"/> items, else of the most that fit, found by halving (a
    /// list of a thousand is rendered about ten times, not a thousand). Too large even with none: the first refusal.
    /// </summary>
    /// <param name="render">The card with the given number of the list's items; below <paramref name="count"/>, with
    /// the line that says how many more there are.</param>
    public static T Render<T>(int count, Func<int, T> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        try
        {
            return render(count);
        }
        catch (CardTooLargeException) when (count > 0)
        {
            var (fewest, most) = (0, count - 1);
            var found = false;
            T best = default!;
            while (fewest <= most)
            {
                var shown = fewest + ((most - fewest) / 2);
                try
                {
                    best = render(shown);
                    found = true;
                    fewest = shown + 1;
                }
                catch (CardTooLargeException)
                {
                    most = shown - 1;
                }
            }

            if (!found)
            {
                throw;
            }

            return best;
        }
    }
}
