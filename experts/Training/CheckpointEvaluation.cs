using Jat.Environments;
using Jat.Experts.Acting;
using Jat.Experts.Evaluation;

namespace Jat.Experts.Training;

/// <summary>
/// Scores the policy as it would be saved, every <see cref="AlgorithmSettings.EvaluateEvery"/> steps and when training
/// ends: a snapshot plays <see cref="AlgorithmSettings.EvaluationEpisodes"/> whole episodes with sampled actions, as
/// <c>jat eval-expert</c> and the collectors play it, episode k from <c>Reset(Seed + k)</c> each time, so that rows
/// differ by the policy and not by the draw of levels. The training episodes' returns are not that score: a DQN plays
/// them ε-greedily while its weights change every few steps, which pulls it out of loops its frozen greedy policy
/// stays in.
/// </summary>
internal sealed class CheckpointEvaluation : IDisposable
{
    /// <summary>Episode k of every scoring resets with this seed + k, away from <c>jat eval-expert</c>'s 0, 1, 2, ….</summary>
    public const ulong Seed = 1_000_000;

    private readonly IEnvironment _environment;
    private readonly long _every;
    private readonly int _episodes;
    private long _next;

    /// <param name="environment">A copy of the task's environment kept for scoring (disposed with this).</param>
    /// <param name="steps">Steps trained so far (a resumed run scores at the next multiple of <paramref name="every"/>).</param>
    public CheckpointEvaluation(IEnvironment environment, long every, int episodes, long steps)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        _environment = environment;
        _every = every;
        _episodes = episodes;
        _next = ((steps / every) + 1) * every;
    }

    /// <summary>The mean return of the last scoring, if there was one.</summary>
    public double? LastReturn { get; private set; }

    /// <summary>
    /// The <c>eval_return</c> and <c>eval_length</c> columns of the iteration that brought the learner to its step
    /// count: the snapshot's mean return and length when a scoring is due (or <paramref name="final"/>), else empty.
    /// </summary>
    public IReadOnlyList<Metric> After(ILearner learner, string task, bool final, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.Steps < _next && !final)
        {
            return [new("eval_return", double.NaN), new("eval_length", double.NaN)];
        }
        while (_next <= learner.Steps)
        {
            _next += _every;
        }
        using var expert = new TrainedExpert(learner.Snapshot(task), Seed);
        var result = ExpertEvaluator.Run(expert, _environment, _episodes, deterministic: false, Seed, cancel: cancel);
        LastReturn = result.MeanReturn;
        return [new("eval_return", result.MeanReturn), new("eval_length", result.Episodes.Average(e => e.Length))];
    }

    public void Dispose() => _environment.Dispose();
}
