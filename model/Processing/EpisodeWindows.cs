namespace Jat.Model.Processing;

/// <summary>One window of an episode: its first step and how many real steps it holds (the rest is padding).</summary>
public readonly record struct EpisodeWindow(int Start, int Count);

/// <summary>
/// JAT's "preserve" truncation (processing_jat.truncate, right side): an episode longer than the window is cut into
/// consecutive windows, each a sample of its own, the last one shorter; nothing is dropped.
/// </summary>
public static class EpisodeWindows
{
    public static IEnumerable<EpisodeWindow> Split(int steps, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (steps <= window)
        {
            yield return new EpisodeWindow(0, steps);
            yield break;
        }
        for (var start = 0; start < steps; start += window)
            yield return new EpisodeWindow(start, Math.Min(window, steps - start));
    }

    /// <summary>
    /// The source step of each of a window's <paramref name="window"/> positions under JAT's padding, which repeats the
    /// window's first element (not a pad value); positions past <see cref="EpisodeWindow.Count"/> are masked.
    /// </summary>
    public static int SourceStep(EpisodeWindow w, int position) => position < w.Count ? w.Start + position : w.Start;
}
