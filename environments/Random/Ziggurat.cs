using System.Globalization;

namespace Jat.Environments.Random;

/// <summary>
/// The tables of numpy's 256-layer ziggurat for the standard normal (tail at r ≈ 3.6541528853610088). They are
/// numpy's exact constants, kept as bit patterns in <c>ziggurat-normal.txt</c>: recomputing them in double precision
/// lands a few ulps away, and every ulp changes a draw.
/// </summary>
internal static class Ziggurat
{
    public const double R = 3.6541528853610087963519472518;
    public const double InverseR = 0.27366123732975827203338247596;
    private const int Layers = 256;

    public static readonly ulong[] K = new ulong[Layers];
    public static readonly double[] W = new double[Layers];
    public static readonly double[] F = new double[Layers];

#pragma warning disable CA1810 // the three tables are read together from one resource
    static Ziggurat()
#pragma warning restore CA1810
    {
        using var stream = typeof(Ziggurat).Assembly.GetManifestResourceStream("Jat.Environments.ziggurat-normal.txt")
            ?? throw new InvalidOperationException("The ziggurat tables are missing from Jat.Environments (a build error).");
        using var reader = new StreamReader(stream);
        var layer = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            var words = line.Split(' ');
            K[layer] = ulong.Parse(words[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            W[layer] = BitConverter.UInt64BitsToDouble(ulong.Parse(words[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            F[layer] = BitConverter.UInt64BitsToDouble(ulong.Parse(words[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            layer++;
        }
        if (layer != Layers)
        {
            throw new InvalidOperationException($"The ziggurat tables have {layer} layers, not {Layers} (a build error).");
        }
    }
}
