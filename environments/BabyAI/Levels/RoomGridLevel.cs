using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>
/// A BabyAI level as JAT plays it: <see cref="Reset"/> lays out rooms and draws a mission until one passes validation
/// (rejected attempts consume the same random stream), <see cref="Step"/> applies MiniGrid's rules and asks the
/// verifier, and the observation is JAT's <c>[direction] + image.flatten()</c> (148 ints) with the mission as text.
/// </summary>
internal abstract class RoomGridLevel : RoomGrid, IDiscreteEnvironment
{
    /// <summary>MiniGrid's seven actions, in order.</summary>
    private static readonly string[] ActionNames = ["left", "right", "forward", "pickup", "drop", "toggle", "done"];

    /// <summary>JAT's observation: the direction and the 7×7×3 view.</summary>
    public static ObservationLayout Layout { get; } = new(ContinuousSize: 0, DiscreteSize: 148, HasText: true);

    private readonly int? _fixedMaxSteps;
    private Instruction? _instructions;
    private bool _rejected;

    /// <param name="fixedMaxSteps">A step limit for every episode; without one the limit follows the instruction.</param>
    /// <param name="mostNavigations">The most navigations any instruction of the level needs (sizes the spec's limit).</param>
    protected RoomGridLevel(
        string task, string envId, int roomSize = 8, int numRows = 3, int numCols = 3, int? fixedMaxSteps = null,
        int mostNavigations = 1)
        : base(roomSize, numRows, numCols)
    {
        _fixedMaxSteps = fixedMaxSteps;
        var longest = fixedMaxSteps ?? mostNavigations * roomSize * roomSize * numRows * numCols;
        Spec = new EnvironmentSpec(task, envId, Layout, new DiscreteActions(7, ActionNames), longest);
        Observation = new Observation(Layout);
    }

    /// <summary>The task and id; <c>MaxEpisodeSteps</c> is the longest limit any episode of the level can have.</summary>
    public EnvironmentSpec Spec { get; }

    public Observation Observation { get; }

    /// <summary>The mission's words, as in <see cref="Observation"/>'s text.</summary>
    public string Mission { get; private set; } = "";

    /// <summary>The instruction tree of the current episode (the verifier's state lives in it).</summary>
    public Instruction Instructions
    {
        get => _instructions ?? throw new InvalidOperationException("Reset the level first.");
        protected set => _instructions = value;
    }

    /// <summary>MiniGrid's <c>unblocking</c>: whether instructions may need objects moved out of the way.</summary>
    protected virtual bool Unblocking => false;

    public void Reset(ulong? seed = null)
    {
        Seed(seed);
        AgentPosition = GridPosition.Nowhere;
        AgentDirection = -1;
        while (!TryGenerate())
        {
        }
        Mission = Instructions.Surface(this);
        Carrying = null;
        StepCount = 0;
        Instructions.ResetVerifier(this);
        MaxSteps = _fixedMaxSteps ?? Instructions.NavigationsNeeded * RoomSize * RoomSize * NumRows * NumCols;
        Observation.Text = Mission;
        WriteObservation(Observation.Discrete);
    }

    /// <summary>One attempt at a layout and mission; false when it was rejected (the next attempt goes on drawing from
    /// the same random stream, as MiniGrid's loop does).</summary>
    private bool TryGenerate()
    {
        _rejected = false;
        try
        {
            LayOutRooms();
            GenerateMission();
        }
        catch (LayoutRejectedException)
        {
            return false; // the rarer rejections, from deep in object placement
        }
        return !_rejected && Valid(Instructions);
    }

    public Transition Step(int action)
    {
        if (_instructions is null)
        {
            throw new InvalidOperationException($"{Spec.EnvId}: call Reset before Step.");
        }
        var (reward, terminated, truncated) = ApplyAction(action);
        if (action == (int)MiniGridAction.Drop)
        {
            _instructions.UpdateObjectPositions();
        }
        switch (_instructions.Verify((MiniGridAction)action))
        {
            case VerifierStatus.Success:
                terminated = true;
                reward = SuccessReward();
                break;
            case VerifierStatus.Failure:
                terminated = true;
                reward = 0;
                break;
        }
        WriteObservation(Observation.Discrete);
        return new Transition(reward, terminated, truncated);
    }

    public void Dispose()
    {
    }

    /// <summary>
    /// The level's layout and instruction, on freshly laid-out rooms with the agent in the centre room; throws
    /// <see cref="LayoutRejectedException"/> to start over.
    /// </summary>
    protected abstract void GenerateMission();

    /// <summary>
    /// <c>validate_instrs</c>: "put next to" must not already hold nor pair an object with itself; with unblocking, no
    /// instruction may be about a key of a locked door's colour. False rejects the layout.
    /// </summary>
    private bool Valid(Instruction instruction)
    {
        if (instruction is PutNextInstruction putNext)
        {
            putNext.ResetVerifier(this);
            foreach (var moved in putNext.Moved.Objects)
            {
                foreach (var fixedObject in putNext.Fixed.Objects)
                {
                    if (ReferenceEquals(moved, fixedObject))
                    {
                        return false; // objects that match both sides of "put next to"
                    }
                }
            }
            if (putNext.ObjectsAlreadyNext())
            {
                return false; // already next to each other
            }
        }
        switch (instruction)
        {
            case ActionInstruction action:
                if (Unblocking)
                {
                    var lockedColors = LockedDoorColors();
                    foreach (var description in action.Descriptions)
                    {
                        if (description.Type == ObjectType.Key && description.Color is { } color && lockedColors.Contains(color))
                        {
                            return false; // about a key that opens a locked door
                        }
                    }
                }
                return true;
            case SequenceInstruction sequence:
                return Valid(sequence.First) && Valid(sequence.Second);
            default:
                throw new InvalidOperationException($"unhandled instruction type {instruction.GetType().Name}");
        }
    }

    private List<ObjectColor> LockedDoorColors()
    {
        var colors = new List<ObjectColor>();
        for (var i = 0; i < NumCols; i++)
        {
            for (var j = 0; j < NumRows; j++)
            {
                foreach (var door in GetRoom(i, j).Doors)
                {
                    if (door is { IsLocked: true })
                    {
                        colors.Add(door.Color);
                    }
                }
            }
        }
        return colors;
    }

    /// <summary><c>open_all_doors</c>.</summary>
    protected void OpenAllDoors()
    {
        for (var i = 0; i < NumCols; i++)
        {
            for (var j = 0; j < NumRows; j++)
            {
                foreach (var door in GetRoom(i, j).Doors)
                {
                    door?.IsOpen = true;
                }
            }
        }
    }

    /// <summary>
    /// Rejects the layout (MiniGrid's <c>RejectSampling</c>) without an exception: <see cref="GenerateMission"/> returns
    /// at once, drawing nothing more, and <see cref="Reset"/> starts over. The common rejections (unreachable objects,
    /// invalid instructions: about one per episode on GoTo) come this way; exceptions are left to the rare failures deep
    /// in object placement, where unwinding several calls is what they are for.
    /// </summary>
    protected void RejectLayout() => _rejected = true;

    /// <summary><c>check_objs_reachable</c>: rejects the layout (see <see cref="RejectLayout"/>) and says so when an
    /// object cannot be reached; the caller then returns.</summary>
    protected bool RejectedForUnreachableObjects()
    {
        if (ObjectsReachable())
        {
            return false;
        }
        RejectLayout();
        return true;
    }

    /// <summary>
    /// Whether every object can be reached from the agent without moving any (doors, even locked, count as passable):
    /// the test of MiniGrid's <c>check_objs_reachable</c>.
    /// </summary>
    protected bool ObjectsReachable()
    {
        var reachable = new bool[Width * Height];
        var stack = new Stack<GridPosition>();
        stack.Push(AgentPosition);
        while (stack.Count > 0)
        {
            var (x, y) = stack.Pop();
            if (x < 0 || x >= Width || y < 0 || y >= Height || reachable[(y * Width) + x])
            {
                continue;
            }
            reachable[(y * Width) + x] = true;
            if (Grid.Get(x, y) is { } cell && cell.Type != ObjectType.Door)
            {
                continue;
            }
            stack.Push(new GridPosition(x + 1, y));
            stack.Push(new GridPosition(x - 1, y));
            stack.Push(new GridPosition(x, y + 1));
            stack.Push(new GridPosition(x, y - 1));
        }
        for (var x = 0; x < Width; x++)
        {
            for (var y = 0; y < Height; y++)
            {
                if (Grid.Get(x, y) is not { } cell || cell.Type == ObjectType.Wall || reachable[(y * Width) + x])
                {
                    continue;
                }
                return false;
            }
        }
        return true;
    }
}
