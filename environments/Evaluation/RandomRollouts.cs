namespace Jat.Environments.Evaluation;

/// <summary>
/// Plays whole episodes of a task with <see cref="RandomPolicy"/>, spread over threads. Episode <c>k</c> resets with
/// seed <c>seed + k</c> and draws its actions from its own generator, so the outcomes do not depend on the number of
/// threads.
/// </summary>
public static class RandomRollouts
{
    public static EpisodeOutcome[] Run(
        Func<IEnvironment> create, int episodes, ulong seed, int threads, IProgress<int>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        var outcomes = new EpisodeOutcome[episodes];
        var next = -1;
        var done = 0;
        var workers = Math.Clamp(threads, 1, episodes);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancel }, _ =>
        {
            using var environment = create();
            int episode;
            while ((episode = Interlocked.Increment(ref next)) < episodes)
            {
                cancel.ThrowIfCancellationRequested();
                outcomes[episode] = Play(environment, seed + (ulong)episode);
                progress?.Report(Interlocked.Increment(ref done));
            }
        });
        return outcomes;
    }

    /// <summary>One episode from <c>Reset(seed)</c> until it terminates or is truncated.</summary>
    public static EpisodeOutcome Play(IEnvironment environment, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        // The policy's stream is offset from the reset's so that the two never draw the same numbers.
        var policy = new RandomPolicy(environment.Spec.Actions, seed + 12345);
        environment.Reset(seed);
        var actionSize = environment.Spec.Actions is ContinuousActions box ? box.Size : 0;
        Span<float> action = stackalloc float[actionSize];
        double total = 0;
        var length = 0;
        while (true)
        {
            Transition transition;
            if (environment is IContinuousEnvironment continuous)
            {
                policy.Act(action);
                transition = continuous.Step(action);
            }
            else
            {
                transition = ((IDiscreteEnvironment)environment).Step(policy.ActDiscrete());
            }
            total += transition.Reward;
            length++;
            if (transition.Done)
            {
                return new EpisodeOutcome(seed, total, length, transition.Terminated);
            }
        }
    }
}
