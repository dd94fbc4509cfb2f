namespace Jat.Environments.BabyAI.World;

/// <summary>
/// MiniGrid's <c>RoomGrid</c>: rows × columns of square rooms sharing walls, with door positions drawn per wall, and
/// the routines levels build from: objects, doors, removed walls, connecting every room, distractors, the agent.
/// </summary>
internal abstract class RoomGrid : MiniGridWorld
{
    private static readonly ObjectType[] MovableTypes = [ObjectType.Key, ObjectType.Ball, ObjectType.Box];

    private Room[] _rooms = [];

    protected RoomGrid(int roomSize, int numRows, int numCols)
        : base(((roomSize - 1) * numCols) + 1, ((roomSize - 1) * numRows) + 1)
    {
        if (roomSize < 3 || numRows < 1 || numCols < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(roomSize), "rooms are at least 3 cells wide, with at least one row and column");
        }
        RoomSize = roomSize;
        NumRows = numRows;
        NumCols = numCols;
    }

    public int RoomSize { get; }

    public int NumRows { get; }

    public int NumCols { get; }

    /// <summary>The room in column <paramref name="i"/>, row <paramref name="j"/>.</summary>
    public Room GetRoom(int i, int j)
    {
        if ((uint)i >= (uint)NumCols || (uint)j >= (uint)NumRows)
        {
            throw new ArgumentOutOfRangeException(nameof(i), $"room ({i}, {j}) outside {NumCols}×{NumRows}");
        }
        return _rooms[(j * NumCols) + i];
    }

    /// <summary>The room a cell belongs to (a shared wall belongs to the room right of or below it).</summary>
    public Room RoomFromPosition(int x, int y) => GetRoom(x / (RoomSize - 1), y / (RoomSize - 1));

    /// <summary>
    /// <c>RoomGrid._gen_grid</c>: a fresh grid of walled rooms, door positions drawn (right wall, then bottom wall, room
    /// by room, row by row), the agent in the middle room's centre facing right.
    /// </summary>
    protected void LayOutRooms()
    {
        Grid = new Grid(Width, Height);
        _rooms = new Room[NumRows * NumCols];
        for (var j = 0; j < NumRows; j++)
        {
            for (var i = 0; i < NumCols; i++)
            {
                var room = new Room(new GridPosition(i * (RoomSize - 1), j * (RoomSize - 1)), RoomSize);
                _rooms[(j * NumCols) + i] = room;
                Grid.WallRectangle(room.Top.X, room.Top.Y, RoomSize, RoomSize);
            }
        }
        for (var j = 0; j < NumRows; j++)
        {
            for (var i = 0; i < NumCols; i++)
            {
                var room = GetRoom(i, j);
                var low = room.Top + new GridPosition(1, 1);
                var high = room.Top + new GridPosition(RoomSize - 1, RoomSize - 1);
                if (i < NumCols - 1)
                {
                    room.Neighbors[0] = GetRoom(i + 1, j);
                    room.DoorPositions[0] = new GridPosition(high.X, RandomInt(low.Y, high.Y));
                }
                if (j < NumRows - 1)
                {
                    room.Neighbors[1] = GetRoom(i, j + 1);
                    room.DoorPositions[1] = new GridPosition(RandomInt(low.X, high.X), high.Y);
                }
                if (i > 0)
                {
                    room.Neighbors[2] = GetRoom(i - 1, j);
                    room.DoorPositions[2] = room.Neighbors[2]!.DoorPositions[0];
                }
                if (j > 0)
                {
                    room.Neighbors[3] = GetRoom(i, j - 1);
                    room.DoorPositions[3] = room.Neighbors[3]!.DoorPositions[1];
                }
            }
        }
        AgentPosition = new GridPosition(
            ((NumCols / 2) * (RoomSize - 1)) + (RoomSize / 2), ((NumRows / 2) * (RoomSize - 1)) + (RoomSize / 2));
        AgentDirection = 0;
    }

    /// <summary><c>place_in_room</c>: an existing object at a random free cell of the room, not next to the agent.</summary>
    public (WorldObject Object, GridPosition Position) PlaceInRoom(int i, int j, WorldObject obj)
    {
        var room = GetRoom(i, j);
        var position = PlaceObject(obj, room.Top, (room.Size, room.Size), rejectNextToAgent: true, maxTries: 1000);
        room.Objects.Add(obj);
        return (obj, position);
    }

    /// <summary><c>add_object</c>: a new key, ball or box in the room; the kind, then the colour, drawn when not given.</summary>
    public (WorldObject Object, GridPosition Position) AddObject(int i, int j, ObjectType? kind = null, ObjectColor? color = null)
    {
        var type = kind ?? RandomElement(MovableTypes);
        var paint = color ?? RandomColor();
        return PlaceInRoom(i, j, WorldObject.Movable(type, paint));
    }

    /// <summary>
    /// <c>add_door</c>: a door on one side of the room (drawn among sides with a neighbour and no door yet when not
    /// given), shared with the neighbour; colour and lockedness drawn when not given.
    /// </summary>
    public (WorldObject Door, GridPosition Position) AddDoor(int i, int j, int? side = null, ObjectColor? color = null, bool? locked = null)
    {
        var room = GetRoom(i, j);
        int index;
        if (side is { } given)
        {
            index = given;
        }
        else
        {
            do
            {
                index = RandomInt(0, 4);
            }
            while (room.Neighbors[index] is null || room.Doors[index] is not null || room.WallRemoved[index]);
        }
        var paint = color ?? RandomColor();
        var isLocked = locked ?? RandomBool();
        if (room.IsConnected(index))
        {
            throw new InvalidOperationException($"room ({i}, {j}) already has a door on side {index}");
        }
        room.Locked = isLocked;
        var door = WorldObject.Door(paint, isLocked: isLocked);
        var position = room.DoorPositions[index]
            ?? throw new InvalidOperationException($"room ({i}, {j}) has no neighbour on side {index}");
        Grid.Set(position, door);
        door.CurrentPosition = position;
        var neighbor = room.Neighbors[index]!;
        room.Doors[index] = door;
        neighbor.Doors[(index + 2) % 4] = door;
        return (door, position);
    }

    /// <summary><c>remove_wall</c>: clears the wall between the room and its neighbour on one side (corners stay).</summary>
    public void RemoveWall(int i, int j, int side)
    {
        var room = GetRoom(i, j);
        if ((uint)side > 3 || room.IsConnected(side) || room.Neighbors[side] is null)
        {
            throw new InvalidOperationException($"cannot remove wall {side} of room ({i}, {j})");
        }
        var neighbor = room.Neighbors[side]!;
        var (tx, ty) = (room.Top.X, room.Top.Y);
        var size = room.Size;
        for (var k = 1; k < size - 1; k++)
        {
            switch (side)
            {
                case 0:
                    Grid.Set(tx + size - 1, ty + k, null);
                    break;
                case 1:
                    Grid.Set(tx + k, ty + size - 1, null);
                    break;
                case 2:
                    Grid.Set(tx, ty + k, null);
                    break;
                default:
                    Grid.Set(tx + k, ty, null);
                    break;
            }
        }
        room.WallRemoved[side] = true;
        neighbor.WallRemoved[(side + 2) % 4] = true;
    }

    /// <summary>
    /// <c>RoomGrid.place_agent</c>: the agent in the given room (drawn when not given), redrawn until the cell in front
    /// is empty or a wall.
    /// </summary>
    public GridPosition PlaceAgent(int? i = null, int? j = null, bool randomDirection = true)
    {
        var column = i ?? RandomInt(0, NumCols);
        var row = j ?? RandomInt(0, NumRows);
        var room = GetRoom(column, row);
        while (true)
        {
            PlaceAgentInRectangle(room.Top, (room.Size, room.Size), randomDirection, maxTries: 1000);
            var front = Grid.Get(FrontPosition);
            if (front is null || front.Type == ObjectType.Wall)
            {
                break;
            }
        }
        return AgentPosition;
    }

    /// <summary>
    /// <c>connect_all</c>: adds unlocked doors between random rooms until every room is reachable from the agent's,
    /// never through a locked room; gives up (rejecting the layout) after 5000 rounds.
    /// </summary>
    public List<WorldObject> ConnectAll(IReadOnlyList<ObjectColor>? doorColors = null, int maxIterations = 5000)
    {
        var colors = doorColors ?? ObjectColors.Sorted;
        var start = RoomFromPosition(AgentPosition.X, AgentPosition.Y);
        var added = new List<WorldObject>();
        var iterations = 0;
        while (true)
        {
            if (iterations > maxIterations)
            {
                throw new LayoutRejectedException("connect_all failed");
            }
            iterations++;
            if (CountReachableRooms(start) == _rooms.Length)
            {
                break;
            }
            var i = RandomInt(0, NumCols);
            var j = RandomInt(0, NumRows);
            var k = RandomInt(0, 4);
            var room = GetRoom(i, j);
            if (room.DoorPositions[k] is null || room.IsConnected(k))
            {
                continue;
            }
            if (room.Locked || room.Neighbors[k]!.Locked)
            {
                continue;
            }
            var color = RandomElement(colors);
            var (door, _) = AddDoor(i, j, k, color, locked: false);
            added.Add(door);
        }
        return added;
    }

    /// <summary>
    /// <c>add_distractors</c>: random keys, balls and boxes (colour drawn before kind), each in the given room or a drawn
    /// one; with <paramref name="allUnique"/>, kind-colour pairs already in any room are redrawn.
    /// </summary>
    public List<WorldObject> AddDistractors(int? i = null, int? j = null, int count = 10, bool allUnique = true)
    {
        var existing = new List<(ObjectType, ObjectColor)>();
        foreach (var room in _rooms)
        {
            foreach (var obj in room.Objects)
            {
                existing.Add((obj.Type, obj.Color));
            }
        }
        var added = new List<WorldObject>(count);
        while (added.Count < count)
        {
            var color = RandomColor();
            var type = RandomElement(MovableTypes);
            if (allUnique && existing.Contains((type, color)))
            {
                continue;
            }
            var column = i ?? RandomInt(0, NumCols);
            var row = j ?? RandomInt(0, NumRows);
            var (distractor, _) = AddObject(column, row, type, color);
            existing.Add((type, color));
            added.Add(distractor);
        }
        return added;
    }

    private int CountReachableRooms(Room start)
    {
        Span<bool> seen = stackalloc bool[_rooms.Length];
        Span<int> stack = stackalloc int[_rooms.Length * 4 + 1];
        var top = 0;
        stack[top++] = Array.IndexOf(_rooms, start);
        var count = 0;
        while (top > 0)
        {
            var index = stack[--top];
            if (seen[index])
            {
                continue;
            }
            seen[index] = true;
            count++;
            var room = _rooms[index];
            for (var side = 0; side < 4; side++)
            {
                if (room.IsConnected(side))
                {
                    stack[top++] = Array.IndexOf(_rooms, room.Neighbors[side]);
                }
            }
        }
        return count;
    }
}
