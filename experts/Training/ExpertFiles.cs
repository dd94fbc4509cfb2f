namespace Jat.Experts.Training;

/// <summary>The files of a training directory.</summary>
public static class ExpertFiles
{
    /// <summary>The expert: weights, statistics, task, algorithm and settings.</summary>
    public static string Checkpoint(string directory) => Path.Combine(directory, "expert.jatexpert");

    /// <summary>The optimiser's state, for resuming (not needed to act).</summary>
    public static string Optimizer(string directory) => Path.Combine(directory, "optimizer.bin");

    public static string LearningCurve(string directory) => Path.Combine(directory, "learning-curve.csv");
}
