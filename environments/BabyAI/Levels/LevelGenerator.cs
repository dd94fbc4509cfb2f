using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>
/// MiniGrid's <c>LevelGen</c>: the generator behind the Synth and Boss levels, drawing a possibly locked room,
/// connecting doors, distractors, the agent, and a random sentence of the language over what it laid out.
/// </summary>
internal abstract class LevelGenerator : RoomGridLevel
{
    private static readonly ObjectType[] AllTypes = [ObjectType.Box, ObjectType.Ball, ObjectType.Key, ObjectType.Door];
    private static readonly ObjectType[] TypesButDoor = [ObjectType.Box, ObjectType.Ball, ObjectType.Key];
    private static readonly ObjectType[] DoorType = [ObjectType.Door];
    private static readonly ObjectLocation[] Locations =
        [ObjectLocation.Left, ObjectLocation.Right, ObjectLocation.Front, ObjectLocation.Behind];
    private static readonly ObjectColor?[] ColorsOrAny =
        [null, ObjectColor.Blue, ObjectColor.Green, ObjectColor.Grey, ObjectColor.Purple, ObjectColor.Red, ObjectColor.Yellow];
    private static readonly InstructionKind[] ActionOnly = [InstructionKind.Action];
    private static readonly InstructionKind[] ActionOrAnd = [InstructionKind.Action, InstructionKind.And];
    private static readonly bool[] BeforeOrAfter = [true, false];

    private readonly int _numDistractors;
    private readonly double _lockedRoomProbability;
    private readonly bool _locations;
    private readonly bool _unblocking;
    private readonly bool _implicitUnlock;
    private readonly ActionKind[] _actionKinds;
    private readonly InstructionKind[] _instructionKinds;

    /// <summary>
    /// The last room made locked, by any earlier attempt or episode: MiniGrid never clears it, so with implicit unlocking
    /// off a stale room still vetoes descriptions whose matches all lie where that room was.
    /// </summary>
    private Room? _lockedRoom;

    protected LevelGenerator(
        string task, string envId, int roomSize = 8, int numRows = 3, int numCols = 3, int numDistractors = 18,
        double lockedRoomProbability = 0.5, bool locations = true, bool unblocking = true, bool implicitUnlock = true,
        ActionKind[]? actionKinds = null, InstructionKind[]? instructionKinds = null)
        : base(task, envId, roomSize, numRows, numCols, mostNavigations: MostNavigations(actionKinds, instructionKinds))
    {
        _numDistractors = numDistractors;
        _lockedRoomProbability = lockedRoomProbability;
        _locations = locations;
        _unblocking = unblocking;
        _implicitUnlock = implicitUnlock;
        _actionKinds = actionKinds ?? [ActionKind.GoTo, ActionKind.Pickup, ActionKind.Open, ActionKind.PutNext];
        _instructionKinds = instructionKinds ?? [InstructionKind.Action, InstructionKind.And, InstructionKind.Sequence];
    }

    protected override bool Unblocking => _unblocking;

    protected override void GenerateMission()
    {
        if (RandomFloat(0, 1) < _lockedRoomProbability)
        {
            AddLockedRoom();
        }
        ConnectAll();
        AddDistractors(count: _numDistractors, allUnique: false);
        while (true)
        {
            PlaceAgent();
            if (!ReferenceEquals(RoomFromPosition(AgentPosition.X, AgentPosition.Y), _lockedRoom))
            {
                break;
            }
        }
        if (!_unblocking && RejectedForUnreachableObjects())
        {
            return;
        }
        Instructions = RandomInstruction(_instructionKinds);
    }

    private static int MostNavigations(ActionKind[]? actionKinds, InstructionKind[]? instructionKinds)
    {
        var action = actionKinds is null || Array.IndexOf(actionKinds, ActionKind.PutNext) >= 0 ? 2 : 1;
        var kinds = instructionKinds ?? [InstructionKind.Action, InstructionKind.And, InstructionKind.Sequence];
        return Array.IndexOf(kinds, InstructionKind.Sequence) >= 0 ? 4 * action
            : Array.IndexOf(kinds, InstructionKind.And) >= 0 ? 2 * action
            : action;
    }

    private void AddLockedRoom()
    {
        WorldObject door;
        while (true)
        {
            var i = RandomInt(0, NumCols);
            var j = RandomInt(0, NumRows);
            var side = RandomInt(0, 4);
            _lockedRoom = GetRoom(i, j);
            if (_lockedRoom.Neighbors[side] is null)
            {
                continue;
            }
            (door, _) = AddDoor(i, j, side, locked: true);
            break;
        }
        while (true)
        {
            var i = RandomInt(0, NumCols);
            var j = RandomInt(0, NumRows);
            if (ReferenceEquals(GetRoom(i, j), _lockedRoom))
            {
                continue;
            }
            AddObject(i, j, ObjectType.Key, door.Color);
            break;
        }
    }

    /// <summary><c>rand_obj</c>: a description (colour or any, type, maybe a location) matching something; 101 tries.</summary>
    private ObjectDescription RandomObject(ObjectType[] types, int maxTries = 100)
    {
        var tries = 0;
        while (true)
        {
            if (tries > maxTries)
            {
                throw new LayoutRejectedException("failed to find suitable object");
            }
            tries++;
            var color = RandomElement(ColorsOrAny);
            var type = RandomElement(types);
            ObjectLocation? location = null;
            if (_locations && RandomBool())
            {
                location = RandomElement(Locations);
            }
            var description = new ObjectDescription(type, color, location);
            description.FindMatchingObjects(this);
            if (description.Objects.Count == 0)
            {
                continue;
            }
            if (!_implicitUnlock && _lockedRoom is { } locked && AllInside(locked, description.Positions))
            {
                continue;
            }
            return description;
        }
    }

    private static bool AllInside(Room room, List<GridPosition> positions)
    {
        foreach (var position in positions)
        {
            if (!room.Contains(position.X, position.Y))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>rand_instr</c>.</summary>
    private Instruction RandomInstruction(InstructionKind[] kinds)
    {
        switch (RandomElement(kinds))
        {
            case InstructionKind.Action:
                return RandomElement(_actionKinds) switch
                {
                    ActionKind.GoTo => new GoToInstruction(RandomObject(AllTypes)),
                    ActionKind.Pickup => new PickupInstruction(RandomObject(TypesButDoor)),
                    ActionKind.Open => new OpenInstruction(RandomObject(DoorType)),
                    _ => RandomPutNext(),
                };
            case InstructionKind.And:
                {
                    var first = RandomInstruction(ActionOnly);
                    var second = RandomInstruction(ActionOnly);
                    return new AndInstruction(first, second);
                }
            default:
                {
                    var first = RandomInstruction(ActionOrAnd);
                    var second = RandomInstruction(ActionOrAnd);
                    return RandomElement(BeforeOrAfter)
                        ? new BeforeInstruction(first, second)
                        : new AfterInstruction(first, second);
                }
        }
    }

    private PutNextInstruction RandomPutNext()
    {
        var moved = RandomObject(TypesButDoor);
        var fixedDescription = RandomObject(AllTypes);
        return new PutNextInstruction(moved, fixedDescription);
    }
}
