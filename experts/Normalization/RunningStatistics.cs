namespace Jat.Experts.Normalization;

/// <summary>
/// Per-component mean and variance of everything seen so far, updated a batch at a time with the parallel form of
/// Welford's algorithm (Chan et al.), so batches of any size give the same result as one pass over all samples.
/// Starts empty, where normalising leaves values unchanged; the variance is the population variance.
/// </summary>
internal sealed class RunningStatistics
{
    // Keeps the division finite for components that never vary (a constant sensor, a padding slot).
    private const double VarianceFloor = 1e-8;

    private readonly double[] _mean;
    private readonly double[] _variance;

    public RunningStatistics(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        _mean = new double[size];
        _variance = new double[size];
        Array.Fill(_variance, 1.0);
    }

    public RunningStatistics(StatisticsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Mean.Length != snapshot.Variance.Length)
        {
            throw new ArgumentException("Mean and variance differ in length.", nameof(snapshot));
        }
        _mean = [.. snapshot.Mean];
        _variance = [.. snapshot.Variance];
        Count = snapshot.Count;
    }

    public int Size => _mean.Length;

    /// <summary>How many samples (rows) have been folded in.</summary>
    public double Count { get; private set; }

    public ReadOnlySpan<double> Mean => _mean;

    public ReadOnlySpan<double> Variance => _variance;

    /// <summary>Folds in <paramref name="rows"/> samples laid out one after another.</summary>
    public void Update(ReadOnlySpan<float> batch, int rows)
    {
        if (rows == 0)
        {
            return;
        }
        if (batch.Length != rows * Size)
        {
            throw new ArgumentException($"Expected {rows} × {Size} values, got {batch.Length}.", nameof(batch));
        }
        var mean = new double[Size];
        var variance = new double[Size];
        for (var r = 0; r < rows; r++)
        {
            var row = batch.Slice(r * Size, Size);
            for (var i = 0; i < Size; i++)
            {
                mean[i] += row[i];
            }
        }
        for (var i = 0; i < Size; i++)
        {
            mean[i] /= rows;
        }
        for (var r = 0; r < rows; r++)
        {
            var row = batch.Slice(r * Size, Size);
            for (var i = 0; i < Size; i++)
            {
                var d = row[i] - mean[i];
                variance[i] += d * d;
            }
        }
        for (var i = 0; i < Size; i++)
        {
            variance[i] /= rows;
        }
        Merge(rows, mean, variance);
    }

    /// <summary>Folds in the moments of another set of samples.</summary>
    public void Merge(double count, ReadOnlySpan<double> mean, ReadOnlySpan<double> variance)
    {
        if (mean.Length != Size || variance.Length != Size)
        {
            throw new ArgumentException($"Expected moments of size {Size}.", nameof(mean));
        }
        if (count <= 0)
        {
            return;
        }
        if (Count == 0)
        {
            mean.CopyTo(_mean);
            variance.CopyTo(_variance);
            Count = count;
            return;
        }
        var total = Count + count;
        for (var i = 0; i < Size; i++)
        {
            var delta = mean[i] - _mean[i];
            var squares = _variance[i] * Count + variance[i] * count + delta * delta * Count * count / total;
            _mean[i] += delta * count / total;
            _variance[i] = squares / total;
        }
        Count = total;
    }

    /// <summary>Rescales rows in place to zero mean and unit variance, clipped to <c>±clip</c>.</summary>
    public void Normalize(Span<float> values, double clip)
    {
        if (values.Length % Math.Max(Size, 1) != 0)
        {
            throw new ArgumentException($"Expected whole rows of {Size} values.", nameof(values));
        }
        for (var start = 0; start < values.Length; start += Size)
        {
            var row = values.Slice(start, Size);
            for (var i = 0; i < Size; i++)
            {
                row[i] = (float)Math.Clamp((row[i] - _mean[i]) / StandardDeviation(i), -clip, clip);
            }
        }
    }

    /// <summary>The scale used by <see cref="Normalize"/> for component <paramref name="i"/>.</summary>
    public double StandardDeviation(int i) => Math.Sqrt(_variance[i] + VarianceFloor);

    public StatisticsSnapshot Snapshot() => new(Count, [.. _mean], [.. _variance]);
}
