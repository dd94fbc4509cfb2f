namespace Jat.Environments.MetaWorld.Sawyer;

/// <summary>
/// The dm_control-style reward shapes Meta-World's v2 rewards are built from (<c>reward_utils</c>), in the same float64
/// operations so that rewards agree to the last bit.
/// </summary>
internal static class Tolerance
{
    private static readonly double GaussianScale = Math.Sqrt(-2 * Math.Log(0.1));

    /// <summary>1 inside [lower, upper]; outside, a long-tail sigmoid that is 0.1 at <paramref name="margin"/>.</summary>
    public static double LongTail(double x, double lower, double upper, double margin)
    {
        if (lower <= x && x <= upper)
        {
            return 1.0;
        }
        if (margin == 0)
        {
            return 0.0;
        }
        var d = (x < lower ? lower - x : x - upper) / margin;
        var scale = Math.Sqrt((1 / 0.1) - 1);
        var scaled = d * scale;
        return 1 / ((scaled * scaled) + 1);
    }

    /// <summary>1 inside [lower, upper]; outside, a Gaussian that is 0.1 at <paramref name="margin"/>.</summary>
    public static double Gaussian(double x, double lower, double upper, double margin)
    {
        if (lower <= x && x <= upper)
        {
            return 1.0;
        }
        if (margin == 0)
        {
            return 0.0;
        }
        var d = (x < lower ? lower - x : x - upper) / margin;
        var scaled = d * GaussianScale;
        return Math.Exp(-0.5 * (scaled * scaled));
    }

    /// <summary>The Hamacher t-norm: (a·b) / (a + b − a·b), 0 when both are 0.</summary>
    public static double Hamacher(double a, double b)
    {
        var denominator = a + b - (a * b);
        return denominator > 0 ? a * b / denominator : 0;
    }
}
