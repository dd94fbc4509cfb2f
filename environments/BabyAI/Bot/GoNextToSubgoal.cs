using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// Go and face a target: the nearest seen object matching a description, a given object (a door), or a cell. Moves
/// one step along the shortest path through seen cells, opening closed doors on the way and moving objects that block
/// it; explores when no matching object has been seen or no path exists.
/// </summary>
internal sealed class GoNextToSubgoal : Subgoal
{
    private readonly ObjectDescription? _description;
    private readonly WorldObject? _object;
    private readonly GridPosition? _cell;

    public GoNextToSubgoal(BabyAIBot bot, ObjectDescription description, GoNextToReason reason = GoNextToReason.None)
        : base(bot)
    {
        _description = description;
        Reason = reason;
    }

    public GoNextToSubgoal(BabyAIBot bot, WorldObject target, GoNextToReason reason = GoNextToReason.None)
        : base(bot)
    {
        _object = target;
        Reason = reason;
    }

    /// <param name="cell">Null where the original passes <c>None</c> (no drop position was found); planning then fails,
    /// as the original's <c>tuple(None)</c> does.</param>
    public GoNextToSubgoal(BabyAIBot bot, GridPosition? cell, GoNextToReason reason = GoNextToReason.None)
        : base(bot)
    {
        _cell = cell;
        Reason = reason;
    }

    public GoNextToReason Reason { get; }

    public override bool IsExploratory => Reason == GoNextToReason.Explore;

    public override MiniGridAction? ReplanBeforeAction()
    {
        WorldObject? targetObject = null;
        GridPosition target;
        if (_description is not null)
        {
            var (found, position) = Bot.FindObjectPosition(_description, adjacent: Reason == GoNextToReason.PutNext);
            if (position is not { } p)
            {
                Bot.Push(new ExploreSubgoal(Bot));
                return null;
            }
            (targetObject, target) = (found, p);
        }
        else if (_object is not null)
        {
            targetObject = _object;
            target = _object.CurrentPosition ?? throw new BotCrashException($"GoNextToSubgoal: the {_object} has no position");
        }
        else
        {
            target = _cell ?? throw new BotCrashException("GoNextToSubgoal: no cell to go to (no drop position was found)");
        }

        var agent = Agent;
        // Walking to a locked door with empty hands: commit to this door and fetch its key first.
        if (Reason == GoNextToReason.Open && targetObject is { Type: ObjectType.Door, IsLocked: true })
        {
            var key = Bot.MatchKeys(targetObject.Color);
            if (agent.Carrying is null)
            {
                Bot.Pop();
                Bot.Push(new GoNextToSubgoal(Bot, targetObject, GoNextToReason.Open));
                Bot.Push(new PickupSubgoal(Bot));
                Bot.Push(new GoNextToSubgoal(Bot, key));
                return null;
            }
        }

        // Standing where the bot should face from a step away: step off.
        if (AgentState.Distance(target, agent.Position) == (Reason == GoNextToReason.PutNext ? 1 : 0))
        {
            if (Steppable(agent.FrontCell))
            {
                return MiniGridAction.Forward;
            }
            if (Steppable(Bot.Map.Get(agent.Position + agent.Right)))
            {
                return MiniGridAction.Right;
            }
            if (Steppable(Bot.Map.Get(agent.Position - agent.Right)))
            {
                return MiniGridAction.Left;
            }
            return MiniGridAction.Left;
        }

        if (Reason == GoNextToReason.PutNext)
        {
            if (AgentState.Distance(target, agent.Front) == 1)
            {
                if (agent.FrontCell is null)
                {
                    Bot.Pop();
                    return null;
                }
                if (agent.FrontCell is { Type: ObjectType.Door, IsOpen: true })
                {
                    // Nothing can be dropped in a doorway: go further, so the target gets another free side.
                    Bot.Push(new GoNextToSubgoal(Bot, agent.Front + (agent.Forward * 2)));
                    return null;
                }
            }
        }
        else if (target == agent.Front)
        {
            Bot.Pop();
            return null;
        }

        var path = Bot.ShortestPath(new ReachCell(target));
        if (!path.HasMoves)
        {
            path = Bot.ShortestPath(new ReachCell(target), tryWithBlockers: true);
        }
        if (!path.HasMoves)
        {
            Bot.Push(new ExploreSubgoal(Bot));
            return null;
        }

        var next = path.First;
        if (next == agent.Front)
        {
            return StepInto(agent);
        }
        if (next - agent.Position == agent.Right)
        {
            return MiniGridAction.Right;
        }
        if (next - agent.Position == Opposite(agent.Right))
        {
            return MiniGridAction.Left;
        }
        // The next cell is behind: turn towards the side whose nearest wall or door (within view) is farther.
        var right = Bot.ClosestWallOrDoor(agent.Position, agent.Right);
        var left = Bot.ClosestWallOrDoor(agent.Position, Opposite(agent.Right));
        return left > right ? MiniGridAction.Left : MiniGridAction.Right;
    }

    public override void ReplanAfterAction()
    {
        // The original plans undoing only pickup, drop and toggle actions, which this subgoal never suggests.
    }

    private MiniGridAction? StepInto(AgentState agent)
    {
        var front = agent.FrontCell;
        if (front is null)
        {
            return MiniGridAction.Forward;
        }
        if (front.Type == ObjectType.Door)
        {
            Require(!front.IsLocked, "the door on the path is locked");
            if (!front.IsOpen)
            {
                Bot.Push(new OpenSubgoal(Bot));
                return null;
            }
            return MiniGridAction.Forward;
        }
        // An object blocks the way: move it aside (putting down, then taking back, what is carried).
        if (agent.Carrying is not null)
        {
            var dropCarried = Bot.FindDropPosition();
            var dropBlocker = Bot.FindDropPosition(dropCarried);
            Bot.Push(new PickupSubgoal(Bot));
            Bot.Push(new GoNextToSubgoal(Bot, dropCarried));
            Bot.Push(new DropSubgoal(Bot));
            Bot.Push(new GoNextToSubgoal(Bot, dropBlocker));
            Bot.Push(new PickupSubgoal(Bot));
            Bot.Push(new GoNextToSubgoal(Bot, agent.Front));
            Bot.Push(new DropSubgoal(Bot));
            Bot.Push(new GoNextToSubgoal(Bot, dropCarried));
        }
        else
        {
            var dropAt = Bot.FindDropPosition();
            Bot.Push(new DropSubgoal(Bot));
            Bot.Push(new GoNextToSubgoal(Bot, dropAt));
            Bot.Push(new PickupSubgoal(Bot));
        }
        return null;
    }

    private static GridPosition Opposite(GridPosition vector) => new(-vector.X, -vector.Y);

    private static bool Steppable(WorldObject? cell) => cell is null || cell is { Type: ObjectType.Door, IsOpen: true };
}
