namespace Jat.Environments.BabyAI.World;

/// <summary>The six colours, numbered as MiniGrid's symbolic encoding numbers them.</summary>
internal enum ObjectColor : byte
{
    Red = 0,
    Green = 1,
    Blue = 2,
    Purple = 3,
    Yellow = 4,
    Grey = 5,
}

/// <summary>Colour names, and the order random colour draws index into.</summary>
internal static class ObjectColors
{
    /// <summary>
    /// The colours sorted by name (blue, green, grey, purple, red, yellow): MiniGrid draws a colour as an index into
    /// its alphabetically sorted name list, which is not the encoding order, so draws must index this list.
    /// </summary>
    public static IReadOnlyList<ObjectColor> Sorted { get; } =
        [ObjectColor.Blue, ObjectColor.Green, ObjectColor.Grey, ObjectColor.Purple, ObjectColor.Red, ObjectColor.Yellow];

    public static string Name(ObjectColor color) => color switch
    {
        ObjectColor.Red => "red",
        ObjectColor.Green => "green",
        ObjectColor.Blue => "blue",
        ObjectColor.Purple => "purple",
        ObjectColor.Yellow => "yellow",
        ObjectColor.Grey => "grey",
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "not a colour"),
    };
}
