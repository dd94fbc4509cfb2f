namespace Jat.Benchmarks;

/// <summary>Median and minimum of the timed runs (warm-up runs excluded), in seconds.</summary>
public sealed record Timing(double Median, double Min, IReadOnlyList<double> Runs)
{
    public static Timing Of(IReadOnlyList<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        return new Timing(sorted[sorted.Length / 2], sorted[0], seconds);
    }
}
