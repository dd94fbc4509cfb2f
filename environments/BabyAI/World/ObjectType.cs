namespace Jat.Environments.BabyAI.World;

/// <summary>The kinds of cell content, numbered as MiniGrid's symbolic encoding numbers them.</summary>
internal enum ObjectType : byte
{
    Unseen = 0,
    Empty = 1,
    Wall = 2,
    Floor = 3,
    Door = 4,
    Key = 5,
    Ball = 6,
    Box = 7,
    Goal = 8,
    Lava = 9,
    Agent = 10,
}

/// <summary>The words the BabyAI language uses for object types.</summary>
internal static class ObjectTypeNames
{
    public static string Name(ObjectType type) => type switch
    {
        ObjectType.Unseen => "unseen",
        ObjectType.Empty => "empty",
        ObjectType.Wall => "wall",
        ObjectType.Floor => "floor",
        ObjectType.Door => "door",
        ObjectType.Key => "key",
        ObjectType.Ball => "ball",
        ObjectType.Box => "box",
        ObjectType.Goal => "goal",
        ObjectType.Lava => "lava",
        ObjectType.Agent => "agent",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an object type"),
    };
}
