using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>What a path search looks for: the test the original passes as <c>accept_fn</c>, as a struct so searches
/// are generic and allocate nothing.</summary>
internal interface ISearchGoal
{
    bool Accepts(int x, int y, WorldObject? cell);
}

/// <summary>One given cell.</summary>
internal readonly record struct ReachCell(GridPosition Target) : ISearchGoal
{
    public bool Accepts(int x, int y, WorldObject? cell) => x == Target.X && y == Target.Y;
}

/// <summary>Any cell the agent has not seen yet.</summary>
internal readonly record struct UnseenCell(KnownMap Map) : ISearchGoal
{
    public bool Accepts(int x, int y, WorldObject? cell) => !Map.IsSeen(x, y);
}

/// <summary>A closed door; with <see cref="UnlockedOnly"/>, only one that is not locked.</summary>
internal readonly record struct ClosedDoor(bool UnlockedOnly) : ISearchGoal
{
    public bool Accepts(int x, int y, WorldObject? cell) =>
        cell is { Type: ObjectType.Door, IsOpen: false } && !(UnlockedOnly && cell.IsLocked);
}

/// <summary>
/// A seen, empty cell other than the agent's and <see cref="Except"/> where an object can be dropped. With
/// <see cref="KeepAroundConnected"/> (the original's <c>match_unblock</c>), the drop must not split the free cells
/// among the 8 around it nor cut any object there off from them.
/// </summary>
internal readonly record struct DropCell(KnownMap Map, GridPosition Agent, GridPosition? Except, bool KeepAroundConnected)
    : ISearchGoal
{
    // Clockwise from the upper left, as the original lists them.
    private static readonly (int Dx, int Dy)[] Around = [(-1, -1), (0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0)];

    private const int Free = 0;
    private const int WallClass = 1;
    private const int Occupied = 2;

    public bool Accepts(int x, int y, WorldObject? cell)
    {
        if ((x == Agent.X && y == Agent.Y) || (Except is { } except && x == except.X && y == except.Y))
        {
            return false;
        }
        if (!Map.IsSeen(x, y) || cell is not null)
        {
            return false;
        }
        return !KeepAroundConnected || AroundStaysConnected(x, y);
    }

    private bool AroundStaysConnected(int x, int y)
    {
        Span<int> classes = stackalloc int[8];
        for (var k = 0; k < 8; k++)
        {
            var nx = x + Around[k].Dx;
            var ny = y + Around[k].Dy;
            var seen = Map.IsSeen(nx, ny);
            var neighbour = Map.Get(nx, ny);
            var isAgent = nx == Agent.X && ny == Agent.Y;
            var isExcept = Except is { } except && nx == except.X && ny == except.Y;
            if (seen && neighbour is { Type: ObjectType.Wall })
            {
                classes[k] = WallClass;
            }
            else if (seen && (neighbour is null || neighbour is { Type: ObjectType.Door, IsOpen: true } || isAgent) && !isExcept)
            {
                classes[k] = Free;
            }
            else
            {
                classes[k] = Occupied;
            }
        }
        var changes = 0;
        for (var k = 0; k < 8; k++)
        {
            if ((classes[(k + 1) % 8] != Free) != (classes[k] != Free))
            {
                changes++;
            }
        }
        for (var k = 0; k < 8; k++)
        {
            if (classes[k] == Occupied && classes[(k + 7) % 8] != Free && classes[(k + 1) % 8] != Free)
            {
                return false;
            }
        }
        return changes <= 2;
    }
}
