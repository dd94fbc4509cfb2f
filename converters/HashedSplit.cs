namespace Jat.Converters;

/// <summary>
/// A train/test split for sources that have none (Wikipedia, OSCAR): a record goes to test when a hash of its key
/// and the seed falls under the fraction. The same key, seed and fraction always give the same split, in any order.
/// </summary>
public sealed record HashedSplit(double TestFraction = 0.005, int Seed = 0)
{
    public string SplitOf(long key)
    {
        var x = (ulong)key * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)Seed * 0xC2B2AE3D27D4EB4FUL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 29;
        return (x >> 11) * (1.0 / (1UL << 53)) < TestFraction ? "test" : "train";
    }
}
