namespace Jat.Benchmarks.Ppo;

/// <summary>One phase of PPO's training time: seconds and share of the training wall time.</summary>
public sealed record PpoPhase(string Phase, double Seconds, double Share);

/// <summary>
/// PPO's training throughput on a task, where its time went, and the bare environment's speed with the same copies and
/// threads: <see cref="BareOverTraining"/> says how many times longer training takes than stepping alone.
/// </summary>
/// <param name="Phases">environment, inference, update, other; other is the training wall time the first three leave.</param>
/// <param name="EnvironmentStepsPerSecondWhileStepping">Steps over the environment phase alone: the copies' speed inside training.</param>
public sealed record PpoBenchReport(
    string Task, int Environments, int RolloutSteps, int EnvironmentThreads, int TorchThreads, long Steps,
    double TrainingSeconds, double StepsPerSecond, IReadOnlyList<PpoPhase> Phases, double EnvironmentStepsPerSecondWhileStepping,
    long BareSteps, double BareSeconds, double BareStepsPerSecond, double BareOverTraining, double? OtherProcessesCpuShare);
