using System.Diagnostics;
using Jat.Environments;
using Jat.Environments.BabyAI;
using Jat.Environments.Random;

namespace Jat.Benchmarks.BabyAI;

/// <summary>One level's random-action throughput on one thread, resets included.</summary>
public sealed record BabyAILevelResult(string Task, Timing StepsPerSecond, double ResetsPerSecond, double MeanEpisodeLength);

/// <summary>
/// <c>jat bench babyai</c>: each level stepped with uniform random actions on one thread (a new episode, from a new
/// seed, whenever one ends), as many steps as fit in the run; medians of the runs.
/// </summary>
public static class BabyAIThroughput
{
    public static IReadOnlyList<BabyAILevelResult> Run(IReadOnlyList<string> tasks, double seconds, int repeat, IProgress<string>? progress, CancellationToken cancel)
    {
        var results = new List<BabyAILevelResult>();
        foreach (var task in tasks)
        {
            using var level = (IDiscreteEnvironment)EnvironmentCatalog.Create(task);
            Measure(level, Math.Min(0.3, seconds), 0); // warm-up
            var rates = new List<double>();
            double resets = 0, lengths = 0;
            for (var run = 0; run < repeat; run++)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report($"{task}: run {run + 1} of {repeat}");
                var (rate, resetRate, length) = Measure(level, seconds, (ulong)run + 1);
                rates.Add(rate);
                resets += resetRate / repeat;
                lengths += length / repeat;
            }
            results.Add(new BabyAILevelResult(level.Spec.Task, Timing.Of(rates), resets, lengths));
        }
        return results;
    }

    private static (double StepsPerSecond, double ResetsPerSecond, double MeanLength) Measure(IDiscreteEnvironment level, double seconds, ulong seed)
    {
        var actions = new NumpyGenerator(seed);
        long steps = 0, episodes = 0;
        level.Reset(seed);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 1024; i++)
            {
                steps++;
                if (level.Step((int)actions.Integers(0, 7)).Done)
                {
                    episodes++;
                    level.Reset();
                }
            }
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        return (steps / elapsed, episodes / elapsed, episodes == 0 ? steps : steps / (double)episodes);
    }
}
