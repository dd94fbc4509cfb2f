using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.Evaluation;
using Jat.Environments.Rollouts;
using Jat.Experts.Acting;

namespace Jat.Experts.Evaluation;

/// <summary>
/// Plays whole episodes of a task with an expert in one environment, on the <see cref="EpisodeRunner"/>: episode
/// <c>k</c> starts from <c>Reset(seed + k)</c> and runs until it terminates or is truncated; the score of an episode is
/// its undiscounted return. The expert draws from its own generator, one episode after the other (how training scores
/// its checkpoints).
/// </summary>
internal static class ExpertEvaluator
{
    public static EvaluationResult Run(
        IExpert expert, IEnvironment environment, int episodes, bool deterministic, ulong seed,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(environment);
        var run = PolicyEvaluation.Run(() => new EpisodeRunner([environment], new ExpertAsActor(expert, deterministic)),
            episodes, seed, threads: 1, progress, cancel);
        return new EvaluationResult(run.Episodes);
    }

    /// <summary>An expert the caller owns, acting for one slot at a time.</summary>
    private sealed class ExpertAsActor(IExpert expert, bool deterministic) : IActor
    {
        private readonly Observation[] _batch = new Observation[1];

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
        {
        }

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            _batch[0] = environments[slots[0]].Observation;
            if (environments[slots[0]].Spec.Actions is ContinuousActions box)
                expert.ActContinuous(_batch, deterministic, continuous[..box.Size]);
            else
                expert.ActDiscrete(_batch, deterministic, discrete[..1]);
            able[0] = true;
        }

        public void Dispose()
        {
        }
    }
}
