using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.Levels;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// The BabyAI bot JAT collected its BabyAI data with (<c>data/envs/babyai/bot_agent.py</c>, the bot Minigrid ships as
/// <c>minigrid/utils/baby_ai_bot.py</c>), rewritten to choose exactly its actions. It keeps a stack of subgoals made
/// from the instruction, and a map of the cells the agent has seen; each <see cref="TryReplan"/> adds the current view
/// to the map, lets the top subgoal plan until one suggests an action, and returns it (done when the plan is empty).
/// It plans only through cells the agent has seen, and finds objects only where the agent saw them.
/// </summary>
/// <remarks>
/// Build it on a freshly reset level and call <see cref="TryReplan"/> once before every step, as JAT did
/// (<c>bot.replan()</c> with no argument: the bot assumes its suggestion was taken).
/// </remarks>
internal sealed class BabyAIBot
{
    /// <summary>
    /// Subgoal plans allowed in one replan before the bot is judged to loop. The original's loop grows its stack
    /// without end; in normal play a replan needs a handful of plans (see the README for the largest seen).
    /// </summary>
    public const int MaxPlansPerReplan = 2_000;

    /// <summary>
    /// A stack grown by more than this within one replan also counts as looping. A replan pushes at most 8 subgoals
    /// per plan and few plans; the stack may grow across steps, so only growth within one replan is judged.
    /// </summary>
    public const int MaxStackGrowth = 100;

    private readonly RoomGridLevel _level;
    private readonly List<Subgoal> _stack = [];
    private readonly PathSearch _search;
    private int _replans;

    public BabyAIBot(RoomGridLevel level)
    {
        ArgumentNullException.ThrowIfNull(level);
        _level = level;
        Map = new KnownMap(level);
        _search = new PathSearch(Map);
        Agent = Observe();
        PlanInstruction(level.Instructions);
    }

    /// <summary>Why the bot stopped giving actions, or null while it gives them.</summary>
    public BotFailure? Failure { get; private set; }

    /// <summary>The most subgoal plans one replan has needed so far.</summary>
    public int MostPlansInOneReplan { get; private set; }

    /// <summary>The most the stack has grown within one replan so far.</summary>
    public int LargestGrowthInOneReplan { get; private set; }

    /// <summary>The deepest the stack has been.</summary>
    public int DeepestStack { get; private set; }

    /// <summary>Path searches run so far (the original's <c>bfs_counter</c>).</summary>
    public long Searches => _search.Searches;

    internal KnownMap Map { get; }

    internal AgentState Agent { get; private set; }

    /// <summary>
    /// The action for the current state; false (with <see cref="Failure"/> set, and for good) where the original never
    /// returns one: it loops forever or raises.
    /// </summary>
    public bool TryReplan(out int action)
    {
        action = -1;
        if (Failure is not null)
        {
            return false;
        }
        try
        {
            var chosen = Replan();
            if (chosen is { } a)
            {
                action = (int)a;
            }
        }
        catch (BotCrashException crash)
        {
            Failure = new BotFailure(BotFailureKind.Crashed, _replans, crash.Message);
        }
        _replans++;
        return Failure is null;
    }

    private MiniGridAction? Replan()
    {
        Map.MarkView();
        Agent = Observe();
        if (_stack.Count > 0)
        {
            _stack[^1].ReplanAfterAction();
        }
        while (_stack.Count > 0 && _stack[^1].IsExploratory)
        {
            Pop();
        }
        var plans = 0;
        var startDepth = _stack.Count;
        while (_stack.Count > 0)
        {
            var growth = _stack.Count - startDepth;
            if (++plans > MaxPlansPerReplan || growth > MaxStackGrowth)
            {
                Failure = new BotFailure(BotFailureKind.Looped, _replans,
                    $"the plan keeps changing: {plans - 1} plans in one replan, the stack grew by {growth} to {_stack.Count}");
                return null;
            }
            MostPlansInOneReplan = Math.Max(MostPlansInOneReplan, plans);
            LargestGrowthInOneReplan = Math.Max(LargestGrowthInOneReplan, growth);
            if (_stack[^1].ReplanBeforeAction() is { } suggested)
            {
                return suggested;
            }
        }
        return MiniGridAction.Done;
    }

    internal void Push(Subgoal subgoal)
    {
        _stack.Add(subgoal);
        DeepestStack = Math.Max(DeepestStack, _stack.Count);
    }

    internal void Pop() => _stack.RemoveAt(_stack.Count - 1);

    internal PathResult ShortestPath<TGoal>(TGoal goal, bool tryWithBlockers = false)
        where TGoal : ISearchGoal =>
        _search.ShortestPath(Agent.Position, Agent.Forward, goal, tryWithBlockers);

    /// <summary>A new description of the keys of a colour, matched against the world now (and never refreshed).</summary>
    internal ObjectDescription MatchKeys(ObjectColor color)
    {
        var keys = new ObjectDescription(ObjectType.Key, color);
        keys.FindMatchingObjects(_level);
        return keys;
    }

    /// <summary>
    /// The original's <c>_find_obj_pos</c>: of the matching objects not carried whose recorded position has been seen,
    /// the one with the shortest path (plus 4, or 7 when carrying, if objects must be moved out of the way; a path of
    /// length 0 counts 2, or 3 when a cell beside the object is wanted, and so does length 1 in that case); the first
    /// of equals. Object i is paired with position i of the description's lists, which the verifier may have
    /// shortened (a carried object has no position), exactly as the original pairs them.
    /// </summary>
    internal (WorldObject? Object, GridPosition? Position) FindObjectPosition(ObjectDescription description, bool adjacent)
    {
        var objects = description.Objects;
        var positions = description.Positions;
        Require(objects.Count > 0, "the description matches no object");
        var bestDistance = 999;
        WorldObject? bestObject = null;
        GridPosition? bestPosition = null;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i].Type == ObjectType.Wall || ReferenceEquals(objects[i], Agent.Carrying) || i >= positions.Count)
            {
                continue;
            }
            var position = positions[i];
            if (!Map.IsSeen(position))
            {
                continue;
            }
            var path = ShortestPath(new ReachCell(position), tryWithBlockers: true);
            Require(path.Found, $"no path to the seen {objects[i]} at {position}");
            var distance = path.Length;
            if (path.WithBlockers)
            {
                distance += Agent.Carrying is not null ? 7 : 4;
            }
            if (distance == 0)
            {
                distance = adjacent ? 3 : 2;
            }
            if (adjacent && distance == 1)
            {
                distance = 3;
            }
            if (distance < bestDistance)
            {
                bestDistance = distance;
                bestObject = objects[i];
                bestPosition = position;
            }
        }
        return (bestObject, bestPosition);
    }

    /// <summary>
    /// The original's <c>_find_drop_pos</c>: the nearest seen empty cell (not the agent's, not
    /// <paramref name="except"/>) where a drop keeps the cells around it connected, else any seen empty cell; the
    /// same two through blocking objects after that; null when there is none.
    /// </summary>
    internal GridPosition? FindDropPosition(GridPosition? except = null)
    {
        var agent = Agent.Position;
        var unblocking = new DropCell(Map, agent, except, KeepAroundConnected: true);
        var anyEmpty = new DropCell(Map, agent, except, KeepAroundConnected: false);
        var found = ShortestPath(unblocking);
        if (!found.Found)
        {
            found = ShortestPath(anyEmpty);
        }
        if (!found.Found)
        {
            found = ShortestPath(unblocking, tryWithBlockers: true);
        }
        if (!found.Found)
        {
            found = ShortestPath(anyEmpty, tryWithBlockers: true);
        }
        return found.Found ? found.Finish : null;
    }

    /// <summary>
    /// Steps from <paramref name="from"/> along <paramref name="direction"/> to the first wall or door: its distance,
    /// or the distance of the last cell inside the agent's view square if none is met there.
    /// </summary>
    internal int ClosestWallOrDoor(GridPosition from, GridPosition direction)
    {
        for (var distance = 1; ; distance++)
        {
            var cell = from + (direction * distance);
            if (!_level.InView(cell.X, cell.Y))
            {
                return distance - 1;
            }
            if (Map.Get(cell) is { Type: ObjectType.Door or ObjectType.Wall })
            {
                return distance;
            }
        }
    }

    private AgentState Observe()
    {
        var position = _level.AgentPosition;
        var forward = _level.DirectionVector;
        return new AgentState(position, forward, _level.RightVector, Map.Get(position + forward), _level.Carrying);
    }

    /// <summary>
    /// The original's <c>_process_instr</c>: subgoals for an instruction, pushed so that the first to do ends on top
    /// ("and" and "then" plan their second part first, "after you" its first part first).
    /// </summary>
    private void PlanInstruction(Instruction instruction)
    {
        switch (instruction)
        {
            case GoToInstruction goTo:
                Push(new GoNextToSubgoal(this, goTo.Description));
                break;
            case OpenInstruction open:
                Push(new OpenSubgoal(this));
                Push(new GoNextToSubgoal(this, open.Description, GoNextToReason.Open));
                break;
            case PickupInstruction pickup:
                // Dropped again at once, so that hands are free for what comes next.
                Push(new DropSubgoal(this));
                Push(new PickupSubgoal(this));
                Push(new GoNextToSubgoal(this, pickup.Description));
                break;
            case PutNextInstruction putNext:
                Push(new DropSubgoal(this));
                Push(new GoNextToSubgoal(this, putNext.Fixed, GoNextToReason.PutNext));
                Push(new PickupSubgoal(this));
                Push(new GoNextToSubgoal(this, putNext.Moved));
                break;
            case AfterInstruction after:
                PlanInstruction(after.First);
                PlanInstruction(after.Second);
                break;
            case SequenceInstruction beforeOrAnd:
                PlanInstruction(beforeOrAnd.Second);
                PlanInstruction(beforeOrAnd.First);
                break;
            default:
                throw new ArgumentException($"the bot cannot plan a {instruction.GetType().Name}", nameof(instruction));
        }
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new BotCrashException(what);
        }
    }
}
