namespace Jat.Environments.Random;

/// <summary>
/// numpy's <c>SeedSequence</c> for a non-negative integer seed and no spawn key: the entropy is hashed into a pool of
/// four 32-bit words, from which any number of state words are drawn. Bit-exact with numpy ≥ 1.17.
/// </summary>
internal static class SeedSequence
{
    private const int PoolSize = 4;
    private const uint InitA = 0x43b0d7e5;
    private const uint MultA = 0x931e8875;
    private const uint InitB = 0x8b51f9dd;
    private const uint MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd;
    private const uint MixMultR = 0x4973f715;
    private const int XShift = 16;

    /// <summary>The pool numpy derives from <paramref name="seed"/>.</summary>
    public static uint[] Pool(ulong seed)
    {
        // numpy splits an integer into little-endian 32-bit words; 0 is one word.
        var entropy = seed >> 32 == 0 ? new[] { (uint)seed } : new[] { (uint)seed, (uint)(seed >> 32) };
        var pool = new uint[PoolSize];
        var hashConst = InitA;
        for (var i = 0; i < PoolSize; i++)
        {
            pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0u, ref hashConst);
        }
        for (var source = 0; source < PoolSize; source++)
        {
            for (var target = 0; target < PoolSize; target++)
            {
                if (source != target)
                {
                    pool[target] = Mix(pool[target], HashMix(pool[source], ref hashConst));
                }
            }
        }
        // Entropy longer than the pool is folded in afterwards; a 64-bit seed never has more than two words.
        return pool;
    }

    /// <summary><c>generate_state(n, uint64)</c>: 2n 32-bit words viewed as little-endian 64-bit words.</summary>
    public static ulong[] GenerateState64(ulong seed, int words)
    {
        var pool = Pool(seed);
        var state = new ulong[words];
        var hashConst = InitB;
        for (var i = 0; i < words * 2; i++)
        {
            var value = pool[i % PoolSize];
            value ^= hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            state[i / 2] |= (ulong)value << (i % 2 * 32);
        }
        return state;
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        value ^= value >> XShift;
        return value;
    }

    private static uint Mix(uint x, uint y)
    {
        var result = (MixMultL * x) - (MixMultR * y);
        return result ^ (result >> XShift);
    }
}
