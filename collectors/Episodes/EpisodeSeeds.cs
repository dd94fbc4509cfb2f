namespace Jat.Collectors.Episodes;

/// <summary>
/// The seeds of a collection: attempt <c>a</c> of stream <c>t</c> (a task's shard, <see cref="Collection.CollectionPart.Stream"/>)
/// under seed <c>s</c> resets with a seed mixed from all three (SplitMix64 over a stable hash of the stream's name), so
/// that tasks, shards and seeds never share episodes, and the actor samples from a second, independent seed.
/// </summary>
public static class EpisodeSeeds
{
    public static ulong Reset(ulong seed, string stream, long attempt) => Mix(Mix(seed ^ Hash(stream)) + (ulong)attempt);

    public static ulong Actor(ulong seed, string stream, long attempt) => Mix(Reset(seed, stream, attempt) ^ 0xA5A5A5A5A5A5A5A5UL);

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
