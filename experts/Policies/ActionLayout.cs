using Jat.Environments;

namespace Jat.Experts.Policies;

/// <summary>
/// The action space as a policy sees it: <paramref name="Size"/> bounded floats (<paramref name="Low"/> to
/// <paramref name="High"/>) when continuous, one choice among <paramref name="Size"/> when discrete.
/// </summary>
public sealed record ActionLayout(bool Continuous, int Size, double[]? Low = null, double[]? High = null)
{
    public static ActionLayout For(ActionSpace space) => space switch
    {
        ContinuousActions box => new(true, box.Size, [.. box.Low], [.. box.High]),
        DiscreteActions choice => new(false, choice.Count),
        _ => throw new ArgumentException($"Unknown action space {space}.", nameof(space)),
    };
}
