using System.Diagnostics;
using Jat.Collectors.Actors;
using Jat.Collectors.Collection;
using Jat.Collectors.Episodes;
using Jat.Environments;
using Jat.Schema.Tasks;

namespace Jat.Benchmarks.Collection;

/// <summary>One task's collection against the bare environment, both with the same actor and threads.</summary>
/// <param name="Steps">Steps of the bare run: attempts 0…n−1 of each part.</param>
/// <param name="CollectSteps">Steps the collection played, discarded episodes included: where the actor fails in some
/// episodes (the BabyAI bot loops in nearly half of UnlockToUnlock's), it plays more attempts than the bare run to keep
/// as many, so the two are compared as rates.</param>
/// <param name="Overhead">1 − collection steps/s ÷ bare steps/s: the share of speed the recording and writing cost.</param>
/// <param name="BareCpuSeconds">Processor time of the whole process (every thread) per bare run.</param>
/// <param name="CollectCpuSeconds">The same per collection: what it costs beyond the bare run, whether or not a core
/// was idle to absorb it.</param>
/// <param name="BareGcPauseSeconds">Time the garbage collector stopped every thread during a bare run.</param>
/// <param name="CollectGcPauseSeconds">The same per collection, where episodes waiting for the writer survive
/// collections and so make them dearer.</param>
public sealed record CollectionBenchResult(
    string Task, string Actor, int Episodes, int Threads, long Steps, long CollectSteps, Timing BareSeconds, Timing CollectSeconds,
    double BareStepsPerSecond, double CollectStepsPerSecond, double CollectEpisodesPerSecond, double Overhead,
    Timing BareCpuSeconds, Timing CollectCpuSeconds, Timing BareGcPauseSeconds, Timing CollectGcPauseSeconds);

/// <summary>
/// <c>jat bench collect</c>: the same episodes (same seeds, same actor) played twice on the same threads: once bare,
/// stepping only, and once through the collector into shards (recording, Parquet, fsync per row group). Runs
/// alternate; medians are compared.
/// </summary>
public static class CollectionThroughput
{
    /// <param name="actors">What plays: the task's expert, or a random policy.</param>
    public static CollectionBenchResult Run(string task, IActorSource actors, int episodes, int threads, int repeat, CancellationToken cancel)
    {
        var spec = TaskRegistry.Get(task);
        var plan = CollectionPlan.For(spec, episodes, 0);
        var bare = new List<double>();
        var collect = new List<double>();
        var bareCpu = new List<double>();
        var collectCpu = new List<double>();
        var barePauses = new List<double>();
        var collectPauses = new List<double>();
        using var process = Process.GetCurrentProcess();
        double CpuSeconds()
        {
            process.Refresh();
            return process.TotalProcessorTime.TotalSeconds;
        }
        long steps = 0, collectSteps = 0;
        for (var run = 0; run <= repeat; run++)
        {
            var pause = GC.GetTotalPauseDuration();
            var cpu = CpuSeconds();
            var bareClock = Stopwatch.StartNew();
            steps = PlayBare(plan, actors, threads, cancel);
            var bareSeconds = bareClock.Elapsed.TotalSeconds;
            var bareCpuSeconds = CpuSeconds() - cpu;
            var barePause = (GC.GetTotalPauseDuration() - pause).TotalSeconds;
            var folder = Directory.CreateTempSubdirectory("jat-bench-collect-").FullName;
            try
            {
                cpu = CpuSeconds();
                pause = GC.GetTotalPauseDuration();
                var clock = Stopwatch.StartNew();
                var report = Collector.RunAsync(folder, plan, () => EnvironmentCatalog.Create(task), actors, threads, null, cancel)
                    .GetAwaiter().GetResult();
                collectSteps = report.Steps;
                var seconds = clock.Elapsed.TotalSeconds;
                var collectCpuSeconds = CpuSeconds() - cpu;
                var collectPause = (GC.GetTotalPauseDuration() - pause).TotalSeconds;
                if (run > 0) // the first round warms both up
                {
                    bare.Add(bareSeconds);
                    collect.Add(seconds);
                    bareCpu.Add(bareCpuSeconds);
                    collectCpu.Add(collectCpuSeconds);
                    barePauses.Add(barePause);
                    collectPauses.Add(collectPause);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        var bareTiming = Timing.Of(bare);
        var collectTiming = Timing.Of(collect);
        var bareRate = steps / bareTiming.Median;
        var collectRate = collectSteps / collectTiming.Median;
        return new CollectionBenchResult(task, actors.Description, episodes, threads, steps, collectSteps, bareTiming, collectTiming,
            bareRate, collectRate, episodes / collectTiming.Median, 1 - (collectRate / bareRate), Timing.Of(bareCpu), Timing.Of(collectCpu),
            Timing.Of(barePauses), Timing.Of(collectPauses));
    }

    /// <summary>
    /// The collector's episodes (attempts 0…n−1 of each part, the same seeds, in the same batches of the actor's batch
    /// size, the actor choosing for a batch at once), stepped without recording or writing.
    /// </summary>
    private static long PlayBare(CollectionPlan plan, IActorSource actors, int threads, CancellationToken cancel)
    {
        long steps = 0;
        var next = -1L;
        var size = actors.BatchSize;
        var batches = plan.Parts.SelectMany(p => Enumerable.Range(0, (int)((p.Episodes + size - 1) / size))
            .Select(b => (Stream: p.Stream(plan.Task.Name), First: (long)b * size))).ToArray();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel }, _ =>
        {
            // As the collector: BabyAI gets a new level per episode (its generator remembers between episodes).
            var newPerEpisode = plan.Task.Domain == Domain.BabyAI;
            var environments = Enumerable.Range(0, size).Select(_ => EnvironmentCatalog.Create(plan.Task.Name)).ToArray();
            using var actor = actors.Create();
            var width = environments[0].Spec.Actions is ContinuousActions box ? box.Size : 0;
            var continuous = new float[size * width];
            var discrete = new int[size];
            var able = new bool[size];
            var running = new int[size];
            var lengths = new long[size];
            long index;
            while ((index = Interlocked.Increment(ref next)) < batches.Length)
            {
                var (stream, first) = batches[index];
                for (var slot = 0; slot < size; slot++)
                {
                    if (newPerEpisode)
                    {
                        environments[slot].Dispose();
                        environments[slot] = EnvironmentCatalog.Create(plan.Task.Name);
                    }
                    environments[slot].Reset(EpisodeSeeds.Reset(plan.Seed, stream, first + slot));
                    actor.BeginEpisode(slot, environments[slot], EpisodeSeeds.Actor(plan.Seed, stream, first + slot));
                    running[slot] = slot;
                    lengths[slot] = 0;
                }
                var count = size;
                while (count > 0)
                {
                    actor.Act(running.AsSpan(0, count), environments, continuous, discrete, able);
                    var still = 0;
                    for (var k = 0; k < count; k++)
                    {
                        var slot = running[k];
                        if (!able[k])
                            continue; // the collector discards such an episode; both stop here

                        lengths[slot]++;
                        var transition = environments[slot] is IContinuousEnvironment stepped
                            ? stepped.Step(continuous.AsSpan(k * width, width))
                            : ((IDiscreteEnvironment)environments[slot]).Step(discrete[k]);
                        if (!transition.Done && !(plan.MaxEpisodeSteps is { } limit && lengths[slot] > limit))
                            running[still++] = slot;
                    }
                    count = still;
                }
                Interlocked.Add(ref steps, lengths.Sum());
            }
            foreach (var environment in environments)
                environment.Dispose();
        });
        return steps;
    }
}
