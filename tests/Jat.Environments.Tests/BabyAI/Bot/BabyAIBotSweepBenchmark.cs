using System.Globalization;
using System.Text;
using Jat.Environments.BabyAI.Bot;
using Xunit.Abstractions;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>
/// The full sweep, run on demand only (it takes minutes): <c>JAT_BABYAI_BOT_SWEEP_SEEDS=1000 dotnet test
/// tests/Jat.Experts.Tests -c Release --filter FullyQualifiedName~BabyAIBotSweepBenchmark --logger
/// "console;verbosity=detailed"</c>; <c>JAT_BABYAI_BOT_SWEEP_OUT</c> also writes the table to a file,
/// <c>JAT_BABYAI_BOT_SWEEP_LEVELS</c> (comma-separated) limits the levels. With the variable set, the first 1,000 seeds
/// of every level are also compared with the original's choices. Without it both say so and stop.
/// </summary>
public sealed class BabyAIBotSweepBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void FullSweepMeetsTheSuccessAndLengthBarsOnEveryLevel()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JAT_BABYAI_BOT_SWEEP_SEEDS"), CultureInfo.InvariantCulture, out var seeds))
        {
            output.WriteLine("SKIPPED: set JAT_BABYAI_BOT_SWEEP_SEEDS (e.g. 1000) to run the sweep.");
            return;
        }
        var levels = Environment.GetEnvironmentVariable("JAT_BABYAI_BOT_SWEEP_LEVELS")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var scores = JatExpertScores.Load();
        var started = DateTime.UtcNow;
        var rows = BabyAIBotSweep.Run(levels, seeds, Environment.ProcessorCount, null,
            task => scores is not null && scores.TryGetValue(task, out var mean) ? mean : null);
        var table = BabyAIBotSweepTable.Format(rows) +
            $"\n{rows.Sum(r => r.Episodes)} episodes in {(DateTime.UtcNow - started).TotalSeconds:F0} s on {Environment.ProcessorCount} threads\n";
        output.WriteLine(table);
        if (Environment.GetEnvironmentVariable("JAT_BABYAI_BOT_SWEEP_OUT") is { Length: > 0 } file)
        {
            File.WriteAllText(file, table);
        }
        Assert.All(rows, row => Assert.True(row.SuccessRate >= 0.995, $"{row.Task}: {row.SuccessRate:P2} of kept episodes succeed"));
        Assert.All(rows, row => Assert.Equal(0, row.TooLong));
    }

    [Fact]
    public void FirstThousandSeedsOfEveryLevelPlayExactlyAsTheOriginal()
    {
        if (Environment.GetEnvironmentVariable("JAT_BABYAI_BOT_SWEEP_SEEDS") is null)
        {
            output.WriteLine("SKIPPED: set JAT_BABYAI_BOT_SWEEP_SEEDS to compare 1,000 seeds per level with the original.");
            return;
        }
        var differing = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(OriginalBotDigests.ByEnvId, pair =>
        {
            if (OriginalBotParityTests.Digest(pair.Key, 1000) != pair.Value.First1000)
            {
                differing.Add(pair.Key);
            }
        });
        Assert.Empty(differing);
    }
}

/// <summary>The sweep as a Markdown table.</summary>
internal static class BabyAIBotSweepTable
{
    public static string Format(IReadOnlyList<BabyAIBotSweepRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| level | episodes | success % | dropped % (loop/crash/long) | mean return | JAT expert | ratio | mean length | longest | bot steps/s | most plans / stack growth in a replan | deepest stack |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.EnvId} | {r.Episodes} | {100 * r.SuccessRate:F2} | {100 * r.DroppedRate:F1} ({r.Looped}/{r.Crashed}/{r.TooLong}) | {r.MeanReturn:F4} | {(r.JatExpertMean is { } m ? m.ToString("F4", CultureInfo.InvariantCulture) : "–")} | {(r.ReturnRatio is { } q ? q.ToString("F4", CultureInfo.InvariantCulture) : "–")} | {r.MeanLength:F1} | {r.LongestEpisode} | {r.BotStepsPerSecond:F0} | {r.MostPlansInOneReplan} / {r.LargestGrowthInOneReplan} | {r.DeepestStack} |");
        }
        foreach (var r in rows)
        {
            foreach (var (seed, failure) in r.Failures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {r.EnvId} seed {seed}: {failure.Kind} at step {failure.Replan}: {failure.Message}");
            }
        }
        return text.ToString();
    }
}
