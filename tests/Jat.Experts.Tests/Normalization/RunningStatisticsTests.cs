using Jat.Experts.Normalization;

namespace Jat.Experts.Tests.Normalization;

public sealed class RunningStatisticsTests
{
    [Fact]
    public void Two_batches_give_the_hand_computed_population_mean_and_variance()
    {
        var statistics = new RunningStatistics(2);
        statistics.Update([1, 10, 2, 20], rows: 2);
        statistics.Update([3, 30, 4, 40], rows: 2);

        Assert.Equal(4, statistics.Count);
        Assert.Equal(2.5, statistics.Mean[0], 12);
        Assert.Equal(25, statistics.Mean[1], 12);
        // Values 1..4: squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over 4 samples.
        Assert.Equal(1.25, statistics.Variance[0], 12);
        Assert.Equal(125, statistics.Variance[1], 10);
    }

    [Fact]
    public void Batches_of_any_size_agree_with_one_pass_over_all_samples()
    {
        var random = new Random(7);
        var samples = Enumerable.Range(0, 300).Select(_ => (float)(random.NextDouble() * 50 - 10)).ToArray();
        var batched = new RunningStatistics(3);
        var start = 0;
        foreach (var rows in new[] { 1, 7, 13, 29, 50 })
        {
            batched.Update(samples.AsSpan(start * 3, rows * 3), rows);
            start += rows;
        }
        var whole = new RunningStatistics(3);
        whole.Update(samples.AsSpan(0, start * 3), start);

        for (var i = 0; i < 3; i++)
        {
            var column = Enumerable.Range(0, start).Select(r => (double)samples[r * 3 + i]).ToArray();
            var mean = column.Average();
            var variance = column.Sum(v => (v - mean) * (v - mean)) / column.Length;
            Assert.Equal(mean, batched.Mean[i], 9);
            Assert.Equal(variance, batched.Variance[i], 7);
            Assert.Equal(whole.Mean[i], batched.Mean[i], 9);
            Assert.Equal(whole.Variance[i], batched.Variance[i], 7);
        }
    }

    [Fact]
    public void Normalising_centres_scales_and_clips()
    {
        var statistics = new RunningStatistics(1);
        statistics.Update([1, 3], rows: 2);
        float[] values = [2, 3, 100];

        statistics.Normalize(values, clip: 5);

        Assert.Equal(0, values[0], 5);
        Assert.Equal(1, values[1], 5);
        Assert.Equal(5, values[2]);
    }

    [Fact]
    public void Empty_statistics_leave_values_unchanged()
    {
        var statistics = new RunningStatistics(2);
        float[] values = [0.5f, -3];

        statistics.Normalize(values, clip: 10);

        Assert.Equal(0.5f, values[0], 5);
        Assert.Equal(-3f, values[1], 5);
    }

    [Fact]
    public void A_snapshot_restores_the_same_statistics()
    {
        var statistics = new RunningStatistics(2);
        statistics.Update([1, 2, 5, 9, -3, 4], rows: 3);

        var restored = new RunningStatistics(statistics.Snapshot());

        Assert.Equal(statistics.Count, restored.Count);
        Assert.Equal(statistics.Mean.ToArray(), restored.Mean.ToArray());
        Assert.Equal(statistics.Variance.ToArray(), restored.Variance.ToArray());
    }
}
