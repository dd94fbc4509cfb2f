namespace Jat.Experts.Training;

/// <summary>Where a training run left its expert, and how far it got.</summary>
/// <param name="LastMeanReturn">Mean return of the training episodes of the last iteration that finished any.</param>
/// <param name="Elapsed">Training time of this run and of those it resumed.</param>
/// <param name="Timings">Where this run's iterations spent their time, when the learner measures it (PPO).</param>
public sealed record ExpertTrainingResult(
    string CheckpointPath, string LearningCurvePath, long Steps, long Episodes, double? LastMeanReturn, TimeSpan Elapsed,
    LearnerTimings? Timings = null)
{
    /// <summary>The saved expert's own mean return in this run's last scoring (<see cref="CheckpointEvaluation"/>), if it scored.</summary>
    public double? LastEvaluationReturn { get; init; }
}
