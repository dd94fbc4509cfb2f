using System.Numerics;

namespace Jat.Environments.MuJoCo;

/// <summary>
/// Sums and norms computed the way numpy computes them, so that rewards agree with gymnasium's to the last bit.
/// numpy sums with pairwise summation: below 8 elements a plain loop, from 8 on eight running partial sums combined
/// as a tree. A float32 action's squares are summed in float32, as <c>np.sum(np.square(action))</c> does.
/// </summary>
internal static class NumpyArithmetic
{
    /// <summary><c>np.sum(np.square(values))</c> of a float32 array, in float32.</summary>
    public static float SumOfSquares(ReadOnlySpan<float> values)
    {
        Span<float> squares = stackalloc float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            squares[i] = values[i] * values[i];
        }
        return PairwiseSum(squares);
    }

    /// <summary><c>np.sum(np.square(values))</c> of a float64 array.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> values)
    {
        Span<double> squares = values.Length <= 512 ? stackalloc double[values.Length] : new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            squares[i] = values[i] * values[i];
        }
        return PairwiseSum(squares);
    }

    /// <summary><c>np.linalg.norm</c> of a short float64 vector: the square root of its dot product with itself.</summary>
    public static double Norm(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value * value;
        }
        return Math.Sqrt(sum);
    }

    public static float PairwiseSum(ReadOnlySpan<float> values) => Pairwise(values);

    public static double PairwiseSum(ReadOnlySpan<double> values) => Pairwise(values);

    /// <summary>numpy's pairwise sum, in the precision of <typeparamref name="T"/> (float32 sums stay float32).</summary>
    private static T Pairwise<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (values.Length < 8)
        {
            var sum = T.Zero;
            foreach (var value in values)
            {
                sum += value;
            }
            return sum;
        }
        if (values.Length <= BlockSize)
        {
            Span<T> partial = stackalloc T[8];
            values[..8].CopyTo(partial);
            var i = 8;
            for (; i < values.Length - (values.Length % 8); i += 8)
            {
                for (var j = 0; j < 8; j++)
                {
                    partial[j] += values[i + j];
                }
            }
            var total = ((partial[0] + partial[1]) + (partial[2] + partial[3])) + ((partial[4] + partial[5]) + (partial[6] + partial[7]));
            for (; i < values.Length; i++)
            {
                total += values[i];
            }
            return total;
        }
        var half = values.Length / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }

    private const int BlockSize = 128;
}
