using System.Diagnostics;
using Jat.Collectors.Collection;
using Jat.Collectors.Episodes;
using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Rollouts;
using Jat.Schema.Tasks;

namespace Jat.Benchmarks.Collection;

/// <summary>One task's collection against the bare environment, both with the same actor and threads.</summary>
/// <param name="Steps">Steps played in each run, discarded episodes included: where the actor fails in some (the
/// BabyAI bot loops in nearly half of UnlockToUnlock's episodes) both runs play the attempts it takes to keep
/// <paramref name="Episodes"/>.</param>
/// <param name="Overhead">1 − collection steps/s ÷ bare steps/s: the share of speed the recording and writing cost.</param>
/// <param name="BareCpuSeconds">Processor time of the whole process (every thread) per bare run.</param>
/// <param name="CollectCpuSeconds">The same per collection: what it costs beyond the bare run, whether or not a core
/// was idle to absorb it.</param>
/// <param name="BareGcPauseSeconds">Time the garbage collector stopped every thread during a bare run.</param>
/// <param name="CollectGcPauseSeconds">The same per collection, where episodes waiting for the writer survive
/// collections and so make them dearer.</param>
public sealed record CollectionBenchResult(
    string Task, string Actor, int Episodes, int Threads, long Steps, Timing BareSeconds, Timing CollectSeconds,
    double BareStepsPerSecond, double CollectStepsPerSecond, double CollectEpisodesPerSecond, double Overhead,
    Timing BareCpuSeconds, Timing CollectCpuSeconds, Timing BareGcPauseSeconds, Timing CollectGcPauseSeconds);

/// <summary>
/// <c>jat bench collect</c>: the same episodes (same attempts, seeds and actor) played twice on the same threads: once
/// bare, stepping only, and once through the collector into shards (recording, Parquet, fsync per row group). Runs
/// alternate; medians are compared.
/// </summary>
public static class CollectionThroughput
{
    /// <param name="actors">What plays: the task's expert, or a random policy.</param>
    public static CollectionBenchResult Run(string task, IActorSource actors, int episodes, int threads, int repeat, CancellationToken cancel)
    {
        var spec = TaskRegistry.Get(task);
        var plan = CollectionPlan.For(spec, episodes, 0);
        var bare = new List<Cost>();
        var collect = new List<Cost>();
        long steps = 0;
        for (var run = 0; run <= repeat; run++)
        {
            var bareCost = Cost.Of(() => steps = PlayBare(plan, actors, threads, cancel));
            var folder = Directory.CreateTempSubdirectory("jat-bench-collect-").FullName;
            try
            {
                var collectCost = Cost.Of(() => Collector.RunAsync(folder, plan, actors, threads, null, cancel)
                    .GetAwaiter().GetResult());
                if (run > 0) // the first round warms both up
                {
                    bare.Add(bareCost);
                    collect.Add(collectCost);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        var bareTiming = Timing.Of([.. bare.Select(c => c.Seconds)]);
        var collectTiming = Timing.Of([.. collect.Select(c => c.Seconds)]);
        return new CollectionBenchResult(task, actors.Description, episodes, threads, steps, bareTiming, collectTiming,
            steps / bareTiming.Median, steps / collectTiming.Median, episodes / collectTiming.Median,
            1 - (bareTiming.Median / collectTiming.Median),
            Timing.Of([.. bare.Select(c => c.CpuSeconds)]), Timing.Of([.. collect.Select(c => c.CpuSeconds)]),
            Timing.Of([.. bare.Select(c => c.GcPauseSeconds)]), Timing.Of([.. collect.Select(c => c.GcPauseSeconds)]));
    }

    /// <summary>What one run cost: wall time, the process's processor time (every thread) and GC pauses.</summary>
    private sealed record Cost(double Seconds, double CpuSeconds, double GcPauseSeconds)
    {
        public static Cost Of(Action work)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var pause = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            work();
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            return new Cost(seconds, (process.TotalProcessorTime - cpu).TotalSeconds, (GC.GetTotalPauseDuration() - pause).TotalSeconds);
        }
    }

    /// <summary>
    /// The collector's episodes stepped without recording or writing: the same attempts of each part, with the same seeds,
    /// in the same batches of the actor's batch size (the actor choosing for a batch at once). A part is played in waves,
    /// each of the batches needed were every attempt kept; when the actor failed in some (the BabyAI bot loops), the next
    /// wave plays for the rest. The collector asks its players for batches the same way, so both play exactly the
    /// batches up to the one where the part is complete.
    /// </summary>
    private static long PlayBare(CollectionPlan plan, IActorSource actors, int threads, CancellationToken cancel)
    {
        var size = actors.BatchSize;
        var players = Enumerable.Range(0, threads).Select(_ => new BarePlayer(plan, actors)).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        long steps = 0;
        try
        {
            foreach (var part in plan.Parts)
            {
                var stream = part.Stream(plan.Task.Name);
                long kept = 0, nextBatch = 0;
                while (kept < part.Episodes)
                {
                    var waveEnd = nextBatch + ((part.Episodes - kept + size - 1) / size);
                    var claimed = nextBatch - 1;
                    long keptInWave = 0;
                    Parallel.For(0, threads, options, thread =>
                    {
                        long batch;
                        while ((batch = Interlocked.Increment(ref claimed)) < waveEnd)
                        {
                            var (played, completed) = players[thread].Play(stream, batch * size);
                            Interlocked.Add(ref steps, played);
                            Interlocked.Add(ref keptInWave, completed);
                        }
                    });
                    kept += keptInWave;
                    nextBatch = waveEnd;
                }
            }
        }
        finally
        {
            foreach (var player in players)
                player.Dispose();
        }
        return steps;
    }

    /// <summary>One thread's runner for the bare run: the collector's, without recorders.</summary>
    private sealed class BarePlayer : IDisposable
    {
        private readonly CollectionPlan _plan;
        private readonly EpisodeRunner _runner;
        private readonly EpisodeStart[] _starts;
        private readonly EpisodeResult[] _results;

        public BarePlayer(CollectionPlan plan, IActorSource actors)
        {
            _plan = plan;
            var family = EnvironmentCatalog.FamilyOf(plan.Task.Name);
            _runner = new EpisodeRunner(() => family.Create(plan.Task.Name), family.NewEnvironmentPerEpisode, actors.Create(),
                actors.BatchSize, plan.MaxEpisodeSteps);
            _starts = new EpisodeStart[actors.BatchSize];
            _results = new EpisodeResult[actors.BatchSize];
        }

        /// <summary>Plays attempts <paramref name="first"/>… of a batch: the steps played, and how many episodes the
        /// collector would keep (ended, the actor able throughout, within the step limit).</summary>
        public (long Steps, long Kept) Play(string stream, long first)
        {
            for (var slot = 0; slot < _starts.Length; slot++)
                _starts[slot] = new EpisodeStart(EpisodeSeeds.Reset(_plan.Seed, stream, first + slot), EpisodeSeeds.Actor(_plan.Seed, stream, first + slot));
            _runner.Play(_starts, _results);
            long steps = 0, kept = 0;
            foreach (var result in _results)
            {
                steps += result.Length;
                kept += result.End is EpisodeFinished ? 1 : 0;
            }
            return (steps, kept);
        }

        public void Dispose() => _runner.Dispose();
    }
}
