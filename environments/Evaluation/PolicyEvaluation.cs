using Jat.Environments.Acting;
using Jat.Environments.Rollouts;

namespace Jat.Environments.Evaluation;

/// <summary>What an evaluation played: the episodes it scores, and those it dropped as JAT's collection did.</summary>
public sealed record EvaluationRun(IReadOnlyList<EpisodeOutcome> Episodes, int Dropped)
{
    public double MeanReturn => Episodes.Count == 0 ? double.NaN : Episodes.Average(e => e.Return);
}

/// <summary>
/// Plays episodes 0 … N − 1 of a task with an actor and keeps each one's outcome: episode <c>k</c> resets with seed
/// <c>seed + k</c> and its actor draws from seed <c>seed + k + 12345</c> (offset so that the two never draw the same
/// numbers). Batches of the actor's size are shared between threads on <see cref="EpisodeRunner"/>s, so the outcomes do
/// not depend on the number of threads.
/// </summary>
public static class PolicyEvaluation
{
    /// <summary>Between an episode's reset seed and its actor's.</summary>
    public const ulong ActorSeedOffset = 12345;

    /// <param name="maxSteps">episodes running longer are dropped, as the task's dataset drops them (BabyAI: 1,000)</param>
    public static EvaluationRun Run(string task, IActorSource actors, int episodes, ulong seed, int threads, int? maxSteps,
        IProgress<int>? progress, CancellationToken cancel)
    {
        var family = EnvironmentCatalog.FamilyOf(task);
        return Run(() => family.Create(task), family.NewEnvironmentPerEpisode, actors, episodes, seed, threads, maxSteps, progress, cancel);
    }

    public static EvaluationRun Run(Func<IEnvironment> create, bool newEnvironmentPerEpisode, IActorSource actors, int episodes,
        ulong seed, int threads, int? maxSteps, IProgress<int>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(actors);
        return Run(() => new EpisodeRunner(create, newEnvironmentPerEpisode, actors.Create(), actors.BatchSize, maxSteps),
            episodes, seed, threads, progress, cancel);
    }

    /// <summary>Plays on runners that <paramref name="newRunner"/> makes, one per thread, in batches of their size.</summary>
    public static EvaluationRun Run(Func<EpisodeRunner> newRunner, int episodes, ulong seed, int threads,
        IProgress<int>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(newRunner);
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        var results = new EpisodeResult[episodes];
        var next = -1;
        var done = 0;
        var first = newRunner();
        var size = first.BatchSize;
        var batches = (episodes + size - 1) / size;
        var workers = Math.Clamp(threads, 1, batches);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel }, worker =>
        {
            using var runner = worker == 0 ? first : newRunner();
            var starts = new EpisodeStart[size];
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches)
            {
                cancel.ThrowIfCancellationRequested();
                var from = batch * size;
                var count = Math.Min(size, episodes - from);
                for (var i = 0; i < count; i++)
                {
                    var episodeSeed = seed + (ulong)(from + i);
                    starts[i] = new EpisodeStart(episodeSeed, episodeSeed + ActorSeedOffset);
                }
                runner.Play(starts.AsSpan(0, count), results.AsSpan(from, count));
                progress?.Report(Interlocked.Add(ref done, count));
            }
        });
        var kept = new List<EpisodeOutcome>(episodes);
        for (var k = 0; k < episodes; k++)
        {
            if (results[k].End is EpisodeFinished finished)
                kept.Add(new EpisodeOutcome(seed + (ulong)k, results[k].Return, results[k].Length, finished.IsTerminated));
        }
        return new EvaluationRun(kept, episodes - kept.Count);
    }
}
