namespace Jat.Environments.Random;

/// <summary>
/// numpy's <c>Generator(PCG64(SeedSequence(seed)))</c>, the generator behind gymnasium's <c>np_random</c>, with the
/// draws MiniGrid and gymnasium's MuJoCo environments make: <c>integers</c>, <c>uniform</c>, <c>random</c> and
/// <c>standard_normal</c>. Every method consumes the stream exactly as numpy 1.24 does, so a port that makes the same
/// calls in the same order gets the same numbers.
/// </summary>
public sealed class NumpyGenerator
{
    private Pcg64 _bits;

    public NumpyGenerator(ulong seed) => _bits = new Pcg64(seed);

    /// <summary><c>integers(low, high)</c>: an int64 in [low, high) by Lemire's method, as numpy draws it.</summary>
    public long Integers(long low, long high)
    {
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"integers({low}, {high}): high must be greater than low.");
        }
        var range = (ulong)(high - low - 1);
        if (range == 0)
        {
            return low;
        }
        if (range <= uint.MaxValue)
        {
            return range == uint.MaxValue ? low + _bits.NextUInt32() : low + BoundedUInt32((uint)range);
        }
        return range == ulong.MaxValue ? low + (long)_bits.NextUInt64() : low + (long)BoundedUInt64(range);
    }

    /// <summary><c>random()</c>: a double in [0, 1).</summary>
    public double Random() => _bits.NextDouble();

    /// <summary><c>uniform(low, high)</c>.</summary>
    public double Uniform(double low, double high) => low + ((high - low) * _bits.NextDouble());

    /// <summary><c>uniform(low, high, size=n)</c>, written into <paramref name="values"/> in order.</summary>
    public void Uniform(double low, double high, Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Uniform(low, high);
        }
    }

    /// <summary><c>standard_normal()</c> by numpy's ziggurat.</summary>
    public double StandardNormal()
    {
        while (true)
        {
            var r = _bits.NextUInt64();
            var index = (int)(r & 0xff);
            r >>= 8;
            var negative = (r & 1) != 0;
            var magnitude = (r >> 1) & 0x000fffffffffffffUL;
            var x = magnitude * Ziggurat.W[index];
            if (negative)
            {
                x = -x;
            }
            if (magnitude < Ziggurat.K[index])
            {
                return x;
            }
            if (index == 0)
            {
                while (true)
                {
                    var xx = -Ziggurat.InverseR * NativeMath.Log1P(-_bits.NextDouble());
                    var yy = -NativeMath.Log1P(-_bits.NextDouble());
                    if (yy + yy > xx * xx)
                    {
                        return ((magnitude >> 8) & 1) != 0 ? -(Ziggurat.R + xx) : Ziggurat.R + xx;
                    }
                }
            }
            if (((Ziggurat.F[index - 1] - Ziggurat.F[index]) * _bits.NextDouble()) + Ziggurat.F[index] < Math.Exp(-0.5 * x * x))
            {
                return x;
            }
        }
    }

    /// <summary><c>standard_normal(size=n)</c>, written into <paramref name="values"/> in order.</summary>
    public void StandardNormal(Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = StandardNormal();
        }
    }

    private uint BoundedUInt32(uint range)
    {
        var exclusive = range + 1;
        var product = (ulong)_bits.NextUInt32() * exclusive;
        var leftover = (uint)product;
        if (leftover < exclusive)
        {
            var threshold = (uint.MaxValue - range) % exclusive;
            while (leftover < threshold)
            {
                product = (ulong)_bits.NextUInt32() * exclusive;
                leftover = (uint)product;
            }
        }
        return (uint)(product >> 32);
    }

    private ulong BoundedUInt64(ulong range)
    {
        var exclusive = range + 1;
        var product = (UInt128)_bits.NextUInt64() * exclusive;
        var leftover = (ulong)product;
        if (leftover < exclusive)
        {
            var threshold = (ulong.MaxValue - range) % exclusive;
            while (leftover < threshold)
            {
                product = (UInt128)_bits.NextUInt64() * exclusive;
                leftover = (ulong)product;
            }
        }
        return (ulong)(product >> 64);
    }
}
