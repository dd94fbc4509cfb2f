using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// A description of objects ("the red ball", "a door on your left"): a type, colour and location, each optional, and
/// the objects of the world matching it with their positions. Matching scans the grid column by column, as MiniGrid
/// does, so <see cref="Objects"/> and <see cref="Positions"/> come in the same order as MiniGrid's lists.
/// </summary>
internal sealed class ObjectDescription
{
    private Grid? _scannedGrid;
    private long _scannedVersion;

    public ObjectDescription(ObjectType? type, ObjectColor? color = null, ObjectLocation? location = null)
    {
        if (type is { } t && t is not (ObjectType.Box or ObjectType.Ball or ObjectType.Key or ObjectType.Door))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "the language describes boxes, balls, keys and doors");
        }
        Type = type;
        Color = color;
        Location = location;
    }

    public ObjectType? Type { get; }

    public ObjectColor? Color { get; }

    public ObjectLocation? Location { get; }

    /// <summary>The objects matching the description when it was last matched with locations.</summary>
    public List<WorldObject> Objects { get; } = [];

    /// <summary>
    /// Where matching objects are: all of them after a match with locations; after a match without, only those of
    /// <see cref="Objects"/> still on the grid (a carried object has none), so this list can be the shorter one.
    /// </summary>
    public List<GridPosition> Positions { get; } = [];

    /// <summary>The words for the description, with "the" for a unique match and "a" otherwise (matches first).</summary>
    public string Surface(RoomGrid env)
    {
        FindMatchingObjects(env);
        if (Objects.Count == 0)
        {
            throw new InvalidOperationException($"no object matches the description '{this}'");
        }
        var text = Type is { } type ? ObjectTypeNames.Name(type) : "object";
        if (Color is { } color)
        {
            text = ObjectColors.Name(color) + " " + text;
        }
        text = Location switch
        {
            ObjectLocation.Front => text + " in front of you",
            ObjectLocation.Behind => text + " behind you",
            ObjectLocation.Left => text + " on your left",
            ObjectLocation.Right => text + " on your right",
            _ => text,
        };
        return (Objects.Count > 1 ? "a " : "the ") + text;
    }

    /// <summary>
    /// Matches the grid against the description. With <paramref name="useLocation"/>, the matching set is rebuilt and
    /// locations (which apply only within the agent's room) count; without, only the positions of the objects already
    /// matched are refreshed, whatever their location now.
    /// </summary>
    public void FindMatchingObjects(RoomGrid env, bool useLocation = true)
    {
        // A refresh of the same grid unchanged since the last scan would find the same cells (the verifier refreshes on
        // every drop action, most of which change nothing).
        if (!useLocation && ReferenceEquals(_scannedGrid, env.Grid) && _scannedVersion == env.Grid.Version)
        {
            return;
        }
        _scannedGrid = env.Grid;
        _scannedVersion = env.Grid.Version;
        if (useLocation)
        {
            Objects.Clear();
        }
        Positions.Clear();
        var agent = env.AgentPosition;
        var agentRoom = useLocation && Location is not null ? env.RoomFromPosition(agent.X, agent.Y) : null;
        var grid = env.Grid;
        for (var x = 0; x < grid.Width; x++)
        {
            for (var y = 0; y < grid.Height; y++)
            {
                var cell = grid.Get(x, y);
                if (cell is null)
                {
                    continue;
                }
                if (!useLocation && !IsTracked(cell))
                {
                    continue;
                }
                if ((Type is { } type && cell.Type != type) || (Color is { } color && cell.Color != color))
                {
                    continue;
                }
                if (agentRoom is not null && !MatchesLocation(agentRoom, agent, env.AgentDirection, x, y))
                {
                    continue;
                }
                if (useLocation)
                {
                    Objects.Add(cell);
                }
                Positions.Add(new GridPosition(x, y));
            }
        }
    }

    public override string ToString() =>
        $"{(Color is { } c ? ObjectColors.Name(c) : "any colour")} {(Type is { } t ? ObjectTypeNames.Name(t) : "object")}"
        + (Location is { } l ? $" {l}" : "");

    private bool IsTracked(WorldObject cell)
    {
        foreach (var obj in Objects)
        {
            if (ReferenceEquals(obj, cell))
            {
                return true;
            }
        }
        return false;
    }

    private bool MatchesLocation(Room agentRoom, GridPosition agent, int direction, int x, int y)
    {
        if (!agentRoom.Contains(x, y))
        {
            return false;
        }
        var (vx, vy) = (x - agent.X, y - agent.Y);
        var forward = Directions.Vector(direction);
        var right = Directions.Right(direction);
        var alongForward = (vx * forward.X) + (vy * forward.Y);
        var alongRight = (vx * right.X) + (vy * right.Y);
        return Location switch
        {
            ObjectLocation.Left => alongRight < 0,
            ObjectLocation.Right => alongRight > 0,
            ObjectLocation.Front => alongForward > 0,
            _ => alongForward < 0,
        };
    }
}
