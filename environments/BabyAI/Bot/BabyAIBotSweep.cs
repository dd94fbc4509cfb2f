using System.Diagnostics;
using Jat.Environments.BabyAI;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>One level of a sweep: what the bot achieved over seeds 0 … n−1.</summary>
/// <param name="Kept">Episodes JAT's collection would have kept (the bot finished them within 1,000 steps).</param>
/// <param name="SuccessRate">Successes among kept episodes.</param>
/// <param name="DroppedRate">Episodes dropped (looped, crashed, too long) among all.</param>
/// <param name="MeanReturn">Over kept episodes.</param>
/// <param name="JatExpertMean">JAT's expert mean for the task, where the caller supplied it.</param>
/// <param name="ReturnRatio"><see cref="MeanReturn"/> / <see cref="JatExpertMean"/>.</param>
/// <param name="MeanLength">Over kept episodes.</param>
/// <param name="BotStepsPerSecond">Bot decisions per second of time spent deciding (one core).</param>
/// <param name="MostPlansInOneReplan">The most subgoal plans one replan needed, in episodes that did not loop (the
/// loop guard's headroom); <paramref name="LargestGrowthInOneReplan"/> and <paramref name="DeepestStack"/> likewise.</param>
/// <param name="Failures">The first few episodes the bot could not play, for diagnosis.</param>
public sealed record BabyAIBotSweepRow(
    string Task, string EnvId, int Episodes, int Kept, int Succeeded, double SuccessRate, int Looped, int Crashed,
    int TooLong, double DroppedRate, double MeanReturn, double? JatExpertMean, double? ReturnRatio, double MeanLength,
    int LongestEpisode, double BotStepsPerSecond, int MostPlansInOneReplan, int LargestGrowthInOneReplan, int DeepestStack,
    IReadOnlyList<(ulong Seed, BotFailure Failure)> Failures);

/// <summary>Progress of a sweep: a level finished.</summary>
public sealed record BabyAIBotSweepProgress(int LevelsDone, int Levels, BabyAIBotSweepRow Row);

/// <summary>
/// Runs the bot over many seeds of many levels and sums up each level, beside JAT's expert score. Each episode gets a
/// new level instance (as the reference traces were recorded); results do not depend on the thread count.
/// </summary>
public static class BabyAIBotSweep
{
    private const int FailuresKept = 5;

    /// <param name="levels">Task names or MiniGrid ids; empty for all 39.</param>
    /// <param name="seeds">Seeds 0 … seeds−1 per level.</param>
    /// <param name="jatExpertMean">JAT's expert mean by task name (the score table lives in Jat.Schema).</param>
    public static IReadOnlyList<BabyAIBotSweepRow> Run(
        IReadOnlyList<string> levels, int seeds, int threads, IProgress<BabyAIBotSweepProgress>? progress = null,
        Func<string, double?>? jatExpertMean = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seeds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var tasks = levels.Count == 0 ? BabyAILevels.Tasks : levels.Select(BabyAILevels.TaskOf).ToList();
        var rows = new List<BabyAIBotSweepRow>(tasks.Count);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        foreach (var task in tasks)
        {
            var results = new BabyAIBotEpisodeResult[seeds];
            Parallel.For(0, seeds, options, i =>
            {
                using var level = BabyAILevels.Create(task);
                results[i] = BabyAIBotEpisode.Play(level, (ulong)i);
            });
            var row = Summarise(task, results, jatExpertMean?.Invoke(task));
            rows.Add(row);
            progress?.Report(new BabyAIBotSweepProgress(rows.Count, tasks.Count, row));
        }
        return rows;
    }

    private static BabyAIBotSweepRow Summarise(string task, BabyAIBotEpisodeResult[] results, double? jatMean)
    {
        var kept = results.Where(r => r.Kept).ToList();
        var succeeded = kept.Count(r => r.Outcome == BotEpisodeOutcome.Succeeded);
        var meanReturn = kept.Count > 0 ? kept.Average(r => r.Return) : 0;
        var ticks = results.Sum(r => r.BotTicks);
        var decisions = results.Sum(r => (long)r.Replans);
        return new BabyAIBotSweepRow(
            task, BabyAILevels.EnvIdOf(task), results.Length, kept.Count, succeeded,
            kept.Count > 0 ? (double)succeeded / kept.Count : 0,
            results.Count(r => r.Outcome == BotEpisodeOutcome.BotLooped),
            results.Count(r => r.Outcome == BotEpisodeOutcome.BotCrashed),
            results.Count(r => r.Outcome == BotEpisodeOutcome.TooLong),
            (double)(results.Length - kept.Count) / results.Length,
            meanReturn, jatMean, jatMean is > 0 ? meanReturn / jatMean : null,
            kept.Count > 0 ? kept.Average(r => r.Length) : 0,
            results.Max(r => r.Length),
            ticks > 0 ? decisions * (double)Stopwatch.Frequency / ticks : 0,
            results.Where(r => r.Outcome != BotEpisodeOutcome.BotLooped).Select(r => r.MostPlansInOneReplan).DefaultIfEmpty().Max(),
            results.Where(r => r.Outcome != BotEpisodeOutcome.BotLooped).Select(r => r.LargestGrowthInOneReplan).DefaultIfEmpty().Max(),
            results.Where(r => r.Outcome != BotEpisodeOutcome.BotLooped).Select(r => r.DeepestStack).DefaultIfEmpty().Max(),
            results.Where(r => r.Failure is not null).Take(FailuresKept).Select(r => (r.Seed, r.Failure!)).ToList());
    }
}
