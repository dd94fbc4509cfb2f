namespace Jat.Experts.Training;

/// <summary>
/// What one training iteration did: the step count after it, the episodes that finished during it, and the
/// algorithm's own diagnostics (losses, ε, …) in a fixed order per algorithm.
/// </summary>
internal sealed record IterationReport(
    long Steps, IReadOnlyList<double> EpisodeReturns, IReadOnlyList<int> EpisodeLengths, IReadOnlyList<Metric> Metrics);

/// <summary>One named diagnostic value.</summary>
internal readonly record struct Metric(string Name, double Value);
