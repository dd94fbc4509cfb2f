using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// The outcome of the original's <c>_shortest_path</c>: whether a cell was accepted (<see cref="Finish"/>), how many
/// moves the path takes (the agent's own cell excluded, so 0 when the agent stands on the accepted cell), its first
/// cell, and whether the search had to go through blocking objects.
/// </summary>
internal readonly record struct PathResult(bool Found, int Length, GridPosition First, GridPosition Finish, bool WithBlockers)
{
    public static PathResult NotFound(bool withBlockers) => new(false, 0, GridPosition.Nowhere, GridPosition.Nowhere, withBlockers);

    /// <summary>A path with at least one move: the original tests <c>if not path</c>, and an empty list is false.</summary>
    public bool HasMoves => Found && Length > 0;
}
