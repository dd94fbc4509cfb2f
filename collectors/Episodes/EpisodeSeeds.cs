namespace Jat.Collectors.Episodes;

/// <summary>
/// The seeds of a collection: attempt <c>a</c> of task <c>t</c> under seed <c>s</c> resets with a seed mixed from all
/// three (SplitMix64 over a stable hash of the task name), so that tasks and seeds never share episodes, and the
/// actor samples from a second, independent seed.
/// </summary>
public static class EpisodeSeeds
{
    public static ulong Reset(ulong seed, string task, long attempt) => Mix(Mix(seed ^ Hash(task)) + (ulong)attempt);

    public static ulong Actor(ulong seed, string task, long attempt) => Mix(Reset(seed, task, attempt) ^ 0xA5A5A5A5A5A5A5A5UL);

    private static ulong Hash(string text)
    {
        // FNV-1a: stable across processes and .NET versions, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return (x ^ (x >> 31)) >> 1; // numpy seeds are non-negative Python ints; keep 63 bits
    }
}
