using System.Globalization;

namespace Jat.Environments.Traces;

/// <summary>Compares one replayed episode with its recording, keeping the first divergence and the largest difference.</summary>
internal sealed class EpisodeComparison(long seed, TraceTolerance tolerance)
{
    public TraceDivergence? Divergence { get; private set; }

    public double LargestDifference { get; private set; }

    public bool Diverged => Divergence is not null;

    public void Numbers(int step, string field, IReadOnlyList<double> expected, ReadOnlySpan<double> actual)
    {
        if (expected.Count != actual.Length)
        {
            Fail(step, $"{field}.length", expected.Count.ToString(CultureInfo.InvariantCulture),
                actual.Length.ToString(CultureInfo.InvariantCulture), double.PositiveInfinity);
            return;
        }
        for (var i = 0; i < actual.Length; i++)
        {
            Number(step, $"{field}[{i}]", expected[i], actual[i]);
        }
    }

    public void Number(int step, string field, double expected, double actual)
    {
        var difference = Math.Abs(expected - actual);
        if (double.IsNaN(difference))
        {
            difference = double.PositiveInfinity;
        }
        if (!expected.Equals(actual))
        {
            LargestDifference = Math.Max(LargestDifference, difference);
        }
        if (!tolerance.Agree(expected, actual))
        {
            Fail(step, field, Text(expected), Text(actual), difference);
        }
    }

    public void Exact<T>(int step, string field, T expected, T actual)
        where T : IEquatable<T>
    {
        if (!expected.Equals(actual))
        {
            Fail(step, field, $"{expected}", $"{actual}", double.PositiveInfinity);
        }
    }

    public void Fail(int step, string field, string expected, string actual, double difference) =>
        Divergence ??= new TraceDivergence(seed, step, field, expected, actual, difference);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
