namespace Jat.Schema.Statistics;

/// <summary>
/// One dimension of a feature in one pass: count, mean and std (Welford), min, max, and quantiles from a bounded
/// uniform sample (exact while the values fit in it), so memory stays fixed however long the split is.
/// </summary>
public sealed class ValueSummary
{
    /// <summary>Values kept for quantiles; below this count they are exact, as DuckDB's quantile_cont computes them.</summary>
    public const int SampleCapacity = 8192;

    public static readonly double[] Quantiles = [0.01, 0.10, 0.50, 0.90, 0.99];

    private readonly double[] _sample = new double[SampleCapacity];
    private readonly Random _random;
    private double _mean;
    private double _m2;

    public ValueSummary(int seed) => _random = new Random(seed);

    public long Count { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public double Mean => _mean;

    /// <summary>Population standard deviation (LeRobot's stats.json), not the sample one.</summary>
    public double Std => Count > 0 ? Math.Sqrt(_m2 / Count) : 0;

    public bool QuantilesExact => Count <= SampleCapacity;

    public void Add(double value)
    {
        Count++;
        var delta = value - _mean;
        _mean += delta / Count;
        _m2 += delta * (value - _mean);
        if (value < Min) Min = value;
        if (value > Max) Max = value;
        if (Count <= SampleCapacity)
            _sample[Count - 1] = value;
        else
        {
            // Reservoir sampling (Vitter's algorithm R): every value seen has the same chance of being kept.
            var slot = _random.NextInt64(Count);
            if (slot < SampleCapacity)
                _sample[slot] = value;
        }
    }

    /// <summary>Linear interpolation between the closest ranks (DuckDB's quantile_cont, numpy's default).</summary>
    public double[] QuantileValues()
    {
        var n = (int)Math.Min(Count, SampleCapacity);
        if (n == 0)
            return Quantiles.Select(_ => double.NaN).ToArray();
        var sorted = _sample[..n];
        Array.Sort(sorted);
        return Quantiles.Select(q =>
        {
            var position = q * (n - 1);
            var low = (int)Math.Floor(position);
            var high = Math.Min(low + 1, n - 1);
            return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
        }).ToArray();
    }
}
