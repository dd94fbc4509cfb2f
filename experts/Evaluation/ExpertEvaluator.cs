using Jat.Environments;
using Jat.Environments.Evaluation;
using Jat.Experts.Acting;

namespace Jat.Experts.Evaluation;

/// <summary>
/// Plays whole episodes of a task with an expert: episode <c>k</c> starts from <c>Reset(seed + k)</c> and runs until it
/// terminates or is truncated; the score of an episode is its undiscounted return.
/// </summary>
internal static class ExpertEvaluator
{
    public static EvaluationResult Run(
        IExpert expert, IEnvironment environment, int episodes, bool deterministic, ulong seed,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        var outcomes = new EpisodeOutcome[episodes];
        var batch = new[] { environment.Observation };
        var continuous = environment.Spec.Actions as ContinuousActions;
        var action = new float[continuous?.Size ?? 0];
        var choice = new int[1];
        for (var k = 0; k < episodes; k++)
        {
            var episodeSeed = seed + (ulong)k;
            environment.Reset(episodeSeed);
            double total = 0;
            var length = 0;
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                Transition transition;
                if (continuous is not null)
                {
                    expert.ActContinuous(batch, deterministic, action);
                    transition = ((IContinuousEnvironment)environment).Step(action);
                }
                else
                {
                    expert.ActDiscrete(batch, deterministic, choice);
                    transition = ((IDiscreteEnvironment)environment).Step(choice[0]);
                }
                total += transition.Reward;
                length++;
                if (transition.Done)
                {
                    outcomes[k] = new EpisodeOutcome(episodeSeed, total, length, transition.Terminated);
                    break;
                }
            }
            progress?.Report(k + 1);
        }
        return new EvaluationResult(outcomes);
    }
}
