namespace Jat.Experts.Normalization;

/// <summary>The saved form of <see cref="RunningStatistics"/>, as it appears in a checkpoint's header.</summary>
public sealed record StatisticsSnapshot(double Count, double[] Mean, double[] Variance);
