namespace Jat.Environments.BabyAI.World;

/// <summary>
/// One room of a <see cref="RoomGrid"/>: its rectangle (walls included), its four sides in the order right, down,
/// left, up (neighbour, door position, door or removed wall), whether it was locked, and the objects placed in it.
/// </summary>
internal sealed class Room
{
    public Room(GridPosition top, int size)
    {
        Top = top;
        Size = size;
    }

    /// <summary>The top-left wall cell.</summary>
    public GridPosition Top { get; }

    /// <summary>Side length in cells, walls included.</summary>
    public int Size { get; }

    /// <summary>The rooms beyond each side (right, down, left, up), null on the outer walls.</summary>
    public Room?[] Neighbors { get; } = new Room?[4];

    /// <summary>Where a door on each side goes, drawn when the rooms are laid out; null on the outer walls.</summary>
    public GridPosition?[] DoorPositions { get; } = new GridPosition?[4];

    /// <summary>The door on each side, shared with the neighbour, or null.</summary>
    public WorldObject?[] Doors { get; } = new WorldObject?[4];

    /// <summary>Sides whose wall was removed, which connect the rooms like a door.</summary>
    public bool[] WallRemoved { get; } = new bool[4];

    /// <summary>Set by the last door added from this room: whether that door was locked.</summary>
    public bool Locked { get; set; }

    /// <summary>The objects placed in this room by the level generator, in placement order.</summary>
    public List<WorldObject> Objects { get; } = [];

    /// <summary>Whether the side leads to the neighbour (a door, open or not, or a removed wall).</summary>
    public bool IsConnected(int side) => Doors[side] is not null || WallRemoved[side];

    /// <summary>Whether (x, y) lies in this room's rectangle, walls included.</summary>
    public bool Contains(int x, int y) => x >= Top.X && y >= Top.Y && x < Top.X + Size && y < Top.Y + Size;
}
