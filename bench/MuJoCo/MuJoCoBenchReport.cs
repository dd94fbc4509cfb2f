namespace Jat.Benchmarks.MuJoCo;

/// <summary>
/// One task's figures: Jat's environment steps per second on one thread, the physics steps they make (× frame skip),
/// and the raw engine's physics steps per second in C; <see cref="Ratio"/> is Jat's physics rate over the raw rate
/// (medians), 1 meaning no overhead at all.
/// </summary>
public sealed record MuJoCoTaskResult(
    string Task, int FrameSkip, double MeanEpisodeLength, Timing JatEnvStepsPerSecond, double JatPhysicsStepsPerSecond,
    Timing RawPhysicsStepsPerSecond, double Ratio);

/// <summary>The whole run, with how busy the rest of the machine was.</summary>
public sealed record MuJoCoBenchReport(
    int MuJoCoVersion, double SecondsPerRun, int Repeat, IReadOnlyList<MuJoCoTaskResult> Tasks, double? OtherProcessesCpuShare);
