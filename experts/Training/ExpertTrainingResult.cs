namespace Jat.Experts.Training;

/// <summary>Where a training run left its expert, and how far it got.</summary>
internal sealed record ExpertTrainingResult(
    string CheckpointPath, string LearningCurvePath, long Steps, long Episodes, double? LastMeanReturn, TimeSpan Elapsed);
