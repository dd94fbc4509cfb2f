namespace Jat.Environments.Traces;

/// <summary>The first place where a replay left the recorded episode.</summary>
/// <param name="Step">The step index (0-based), or -1 for the state right after the reset.</param>
/// <param name="Field">What differed: <c>obs[3]</c>, <c>reward</c>, <c>terminated</c>, <c>info.x_velocity</c>, <c>grid</c>…</param>
public sealed record TraceDivergence(long Seed, int Step, string Field, string Expected, string Actual, double Difference);

/// <summary>How one environment's recorded episodes replayed.</summary>
/// <param name="LargestDifference">The largest absolute difference seen in any compared number, diverging or not.</param>
/// <param name="Skipped">Episodes not replayed, with why (e.g. a recording cut short by its maker).</param>
public sealed record TraceEnvironmentReport(
    string Environment, string File, int Episodes, int Matched, TraceDivergence? FirstDivergence,
    double LargestDifference, int StepsCompared, IReadOnlyList<string> Notes)
{
    public bool Passed => Matched == Episodes;
}
