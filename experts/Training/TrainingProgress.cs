namespace Jat.Experts.Training;

/// <summary>Reported after every training iteration.</summary>
/// <param name="RecentMeanReturn">Mean return of the episodes finished in the iteration, if any finished.</param>
public sealed record TrainingProgress(long Steps, long TotalSteps, long Episodes, double? RecentMeanReturn, double StepsPerSecond)
{
    /// <summary>The saved policy's mean return in the latest scoring (<see cref="CheckpointEvaluation"/>), if any so far.</summary>
    public double? EvaluationReturn { get; init; }
}
