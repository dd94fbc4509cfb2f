using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// The agent as the subgoals see it during one replan (the original refreshes these attributes on every subgoal at
/// the start of <c>replan</c>; nothing moves while it plans, so one snapshot serves them all).
/// </summary>
internal readonly record struct AgentState(GridPosition Position, GridPosition Forward, GridPosition Right, WorldObject? FrontCell,
    WorldObject? Carrying)
{
    public GridPosition Front => Position + Forward;

    public static int Distance(GridPosition a, GridPosition b) => Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y);
}
