namespace Jat.Environments.BabyAI.World;

/// <summary>
/// Anything that occupies a cell: walls, floor, doors, keys, balls, boxes, goals, lava. One class for all kinds, so the
/// rules (<see cref="CanOverlap"/>, <see cref="CanPickup"/>, <see cref="SeeBehind"/>) are plain switches rather than
/// virtual calls. Identity matters: instructions track the very objects they were generated for.
/// </summary>
internal sealed class WorldObject
{
    private WorldObject(ObjectType type, ObjectColor color)
    {
        Type = type;
        Color = color;
    }

    public ObjectType Type { get; }

    /// <summary>Settable because some levels recolour their distractors after placing them.</summary>
    public ObjectColor Color { get; set; }

    /// <summary>For doors: open (the agent can pass and see through).</summary>
    public bool IsOpen { get; set; }

    /// <summary>For doors: locked (only a key of the door's colour opens it).</summary>
    public bool IsLocked { get; set; }

    /// <summary>For boxes: what toggling the box reveals in its place.</summary>
    public WorldObject? Contains { get; set; }

    /// <summary>Where the object was first placed, if it was placed by a placement routine.</summary>
    public GridPosition? InitialPosition { get; set; }

    /// <summary>
    /// Where the object is now: set on placement, <see cref="GridPosition.Nowhere"/> while carried, the drop cell after
    /// a drop. Objects written straight into the grid (a blocking ball) have none, as in MiniGrid.
    /// </summary>
    public GridPosition? CurrentPosition { get; set; }

    public static WorldObject Wall(ObjectColor color = ObjectColor.Grey) => new(ObjectType.Wall, color);

    public static WorldObject Floor(ObjectColor color = ObjectColor.Blue) => new(ObjectType.Floor, color);

    public static WorldObject Door(ObjectColor color, bool isOpen = false, bool isLocked = false) =>
        new(ObjectType.Door, color) { IsOpen = isOpen, IsLocked = isLocked };

    public static WorldObject Key(ObjectColor color) => new(ObjectType.Key, color);

    public static WorldObject Ball(ObjectColor color) => new(ObjectType.Ball, color);

    public static WorldObject Box(ObjectColor color, WorldObject? contains = null) => new(ObjectType.Box, color) { Contains = contains };

    public static WorldObject Goal() => new(ObjectType.Goal, ObjectColor.Green);

    public static WorldObject Lava() => new(ObjectType.Lava, ObjectColor.Red);

    /// <summary>A new key, ball or box.</summary>
    public static WorldObject Movable(ObjectType type, ObjectColor color) => type switch
    {
        ObjectType.Key => Key(color),
        ObjectType.Ball => Ball(color),
        ObjectType.Box => Box(color),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "only keys, balls and boxes can be added as objects"),
    };

    /// <summary>Whether the agent can stand on this cell.</summary>
    public bool CanOverlap => Type switch
    {
        ObjectType.Goal or ObjectType.Floor or ObjectType.Lava => true,
        ObjectType.Door => IsOpen,
        _ => false,
    };

    public bool CanPickup => Type is ObjectType.Key or ObjectType.Ball or ObjectType.Box;

    /// <summary>Whether the agent sees the cells behind this one (walls and closed doors block the view).</summary>
    public bool SeeBehind => Type switch
    {
        ObjectType.Wall => false,
        ObjectType.Door => IsOpen,
        _ => true,
    };

    /// <summary>The state part of the encoding: 0 open, 1 closed, 2 locked for doors; 0 otherwise.</summary>
    public int State => Type == ObjectType.Door ? (IsOpen ? 0 : IsLocked ? 2 : 1) : 0;

    public override string ToString() => $"{ObjectColors.Name(Color)} {ObjectTypeNames.Name(Type)}";
}
