namespace Jat.Environments.Traces;

/// <summary>
/// When two numbers agree: within <see cref="Absolute"/>, or within that fraction of the recorded value when it is
/// larger than 1 (rewards of a thousand, forces of a hundred). The traces README calls 1e-6 a safe default.
/// </summary>
public sealed record TraceTolerance(double Absolute = 1e-6)
{
    public bool Agree(double expected, double actual) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= Absolute * Math.Max(1.0, Math.Abs(expected));
}
