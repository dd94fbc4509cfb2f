namespace Jat.Experts.Observations;

/// <summary>
/// A hashed bag of words for short instructions such as BabyAI's missions ("pick up the red ball"): each word adds one
/// to a bucket chosen by a fixed hash, so the same text always gives the same vector on every machine and run.
/// </summary>
internal static class MissionWords
{
    public static void Count(string text, Span<float> buckets)
    {
        ArgumentNullException.ThrowIfNull(text);
        buckets.Clear();
        if (buckets.IsEmpty)
        {
            return;
        }
        var word = 0;
        while (word < text.Length)
        {
            while (word < text.Length && !char.IsLetterOrDigit(text[word]))
            {
                word++;
            }
            var end = word;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }
            if (end > word)
            {
                buckets[(int)(Fnv1a(text.AsSpan(word, end - word)) % (uint)buckets.Length)] += 1;
            }
            word = end;
        }
    }

    // string.GetHashCode is randomised per process; FNV-1a over lower-case chars is stable everywhere.
    private static uint Fnv1a(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
        }
        return hash;
    }
}
