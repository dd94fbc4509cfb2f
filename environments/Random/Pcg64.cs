namespace Jat.Environments.Random;

/// <summary>
/// numpy's <c>PCG64</c> bit generator (PCG XSL-RR 128/64), including its buffering of 32-bit draws: a 32-bit request
/// takes the low half of a fresh 64-bit output and keeps the high half for the next 32-bit request.
/// </summary>
internal struct Pcg64
{
    private static readonly UInt128 Multiplier = new(2549297995355413924UL, 4865540595714422341UL);

    private UInt128 _state;
    private readonly UInt128 _increment;
    private bool _hasUInt32;
    private uint _uint32;

    /// <summary>Seeds the generator as <c>PCG64(SeedSequence(seed))</c> does.</summary>
    public Pcg64(ulong seed)
    {
        var words = SeedSequence.GenerateState64(seed, 4);
        var initState = new UInt128(words[0], words[1]);
        var initSequence = new UInt128(words[2], words[3]);
        _state = 0;
        _increment = (initSequence << 1) | 1;
        Step();
        _state += initState;
        Step();
        _hasUInt32 = false;
        _uint32 = 0;
    }

    public ulong NextUInt64()
    {
        Step();
        var high = (ulong)(_state >> 64);
        var low = (ulong)_state;
        var rotation = (int)(_state >> 122);
        return ulong.RotateRight(high ^ low, rotation);
    }

    public uint NextUInt32()
    {
        if (_hasUInt32)
        {
            _hasUInt32 = false;
            return _uint32;
        }
        var next = NextUInt64();
        _hasUInt32 = true;
        _uint32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    private void Step() => _state = (_state * Multiplier) + _increment;
}
