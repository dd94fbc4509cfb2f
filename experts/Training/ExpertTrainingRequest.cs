using Jat.Environments;

namespace Jat.Experts.Training;

/// <summary>What <see cref="ExpertTrainer.Train"/> is asked to do.</summary>
/// <param name="Spec">The task's environment spec (its <c>Task</c> names the expert).</param>
/// <param name="CreateEnvironment">Makes copy <c>i</c> of the environment.</param>
/// <param name="Settings">The algorithm and its settings, e.g. from <see cref="HyperparameterTable.For"/>.</param>
/// <param name="Directory">Where the checkpoint, the optimiser state and the learning curve live.</param>
public sealed record ExpertTrainingRequest(
    EnvironmentSpec Spec, Func<int, IEnvironment> CreateEnvironment, AlgorithmSettings Settings, string Directory)
{
    /// <summary>Continue from the checkpoint in <see cref="Directory"/> when there is one (its settings win, except the step budget).</summary>
    public bool Resume { get; init; } = true;

    /// <summary>Threads that step environment copies (where the stepper supports the layout).</summary>
    public int EnvironmentThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Threads libtorch may use; small networks run best on one.</summary>
    public int TorchThreads { get; init; } = 1;

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>auto</c>.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Longest time between two checkpoints while training.</summary>
    public TimeSpan SaveEvery { get; init; } = TimeSpan.FromMinutes(5);
}
