namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// The random source ALE's console draws its power-on garbage from: a Mersenne Twister (MT19937, Matsumoto and
/// Nishimura's published generator) seeded with ALE's default <c>system_random_seed</c>. What ALE draws, in order,
/// was read off the traces (notes in issue 18): 128 draws for the RIOT RAM and one more at power-on, then at every
/// system reset one for the RIOT timer and one per byte of cartridge RAM (the low byte of each draw).
/// </summary>
internal sealed class AleRandom
{
    public const uint DefaultSeed = 4_753_849;

    private readonly uint[] _state = new uint[624];
    private int _index;

    public AleRandom(uint seed = DefaultSeed)
    {
        _state[0] = seed;
        for (int i = 1; i < _state.Length; i++)
        {
            uint p = _state[i - 1];
            _state[i] = 1_812_433_253u * (p ^ (p >> 30)) + (uint)i;
        }
        _index = _state.Length;
    }

    public uint Next()
    {
        if (_index >= _state.Length)
        {
            Twist();
        }
        uint y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    public void Fill(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)Next();
        }
    }

    public void CopyFrom(AleRandom o)
    {
        o._state.CopyTo(_state, 0);
        _index = o._index;
    }

    private void Twist()
    {
        const int N = 624, M = 397;
        for (int k = 0; k < N; k++)
        {
            uint y = (_state[k] & 0x80000000u) | (_state[(k + 1) % N] & 0x7FFFFFFFu);
            _state[k] = _state[(k + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908B0DFu : 0);
        }
        _index = 0;
    }
}
