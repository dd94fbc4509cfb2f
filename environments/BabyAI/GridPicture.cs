using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI;

/// <summary>
/// A picture of a BabyAI state in MiniGrid's look: one tile per cell, objects in their colours (walls grey, balls round,
/// boxes hollow, keys with a bow, doors filled when closed and barred when locked, lava orange, the goal green) and
/// the agent as a red triangle pointing where it faces. Drawn pixel by pixel: no font or vector library is needed.
/// </summary>
internal static class GridPicture
{
    private const int Tile = 32;

    public static RgbImage Draw(MiniGridWorld world)
    {
        var grid = world.Grid;
        var image = new Canvas(grid.Width * Tile, grid.Height * Tile);
        for (var y = 0; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                Draw(image, x * Tile, y * Tile, grid.Get(x, y));
                Outline(image, x * Tile, y * Tile, new Rgb24(60, 60, 60));
            }
        }
        Agent(image, world.AgentPosition.X * Tile, world.AgentPosition.Y * Tile, world.AgentDirection);
        return new RgbImage(image.Width, image.Height, image.Pixels);
    }

    private readonly record struct Rgb24(byte R, byte G, byte B);

    /// <summary>Width × height pixels, three bytes each, row after row.</summary>
    private sealed class Canvas(int width, int height)
    {
        public int Width => width;

        public int Height => height;

        public byte[] Pixels { get; } = new byte[width * height * 3];

        public Rgb24 this[int x, int y]
        {
            set
            {
                var at = ((y * width) + x) * 3;
                (Pixels[at], Pixels[at + 1], Pixels[at + 2]) = (value.R, value.G, value.B);
            }
        }
    }

    private static void Draw(Canvas image, int left, int top, WorldObject? cell)
    {
        if (cell is null)
            return;
        var color = Color(cell.Color);
        switch (cell.Type)
        {
            case ObjectType.Wall:
                Fill(image, left, top, (_, _) => true, new Rgb24(100, 100, 100));
                break;
            case ObjectType.Floor:
                Fill(image, left, top, (u, v) => u is > 1 and < 31 && v is > 1 and < 31, Dim(color));
                break;
            case ObjectType.Goal:
                Fill(image, left, top, (u, v) => u is > 1 and < 31 && v is > 1 and < 31, new Rgb24(0, 255, 0));
                break;
            case ObjectType.Lava:
                Fill(image, left, top, (u, v) => u is > 1 and < 31 && v is > 1 and < 31, new Rgb24(255, 128, 0));
                break;
            case ObjectType.Door when cell.IsOpen:
                Fill(image, left, top, (u, v) => (u is >= 26 and <= 29) && v is > 1 and < 31, color);
                break;
            case ObjectType.Door:
                Fill(image, left, top, (u, v) => u is > 1 and < 31 && v is > 1 and < 31, cell.IsLocked ? color : Dim(color));
                Fill(image, left, top, (u, v) => cell.IsLocked ? u is >= 8 and <= 24 && v is 15 or 16 : (u - 23) * (u - 23) + (v - 16) * (v - 16) <= 4, new Rgb24(0, 0, 0));
                break;
            case ObjectType.Ball:
                Fill(image, left, top, (u, v) => (u - 16) * (u - 16) + (v - 16) * (v - 16) <= 81, color);
                break;
            case ObjectType.Box:
                Fill(image, left, top, (u, v) => u is >= 5 and <= 27 && v is >= 5 and <= 27 && !(u is >= 8 and <= 24 && v is >= 8 and <= 24), color);
                break;
            case ObjectType.Key:
                Fill(image, left, top, (u, v) => (u is >= 15 and <= 18 && v is >= 10 and <= 27) || (u is >= 18 and <= 22 && v is 22 or 23 or 26 or 27)
                    || ((u - 16) * (u - 16) + (v - 8) * (v - 8) is >= 6 and <= 20), color);
                break;
        }
    }

    private static void Agent(Canvas image, int left, int top, int direction) =>
        Fill(image, left, top, (u, v) =>
        {
            // A triangle pointing right (+x), turned to the agent's direction.
            var (a, b) = direction switch { 0 => (u, v), 1 => (v, 31 - u), 2 => (31 - u, 31 - v), _ => (31 - v, u) };
            return a is >= 5 and <= 27 && Math.Abs(b - 16) <= (27 - a) * 11 / 22;
        }, new Rgb24(255, 0, 0));

    private static void Fill(Canvas image, int left, int top, Func<int, int, bool> inside, Rgb24 color)
    {
        for (var v = 0; v < Tile; v++)
            for (var u = 0; u < Tile; u++)
                if (inside(u, v))
                    image[left + u, top + v] = color;
    }

    private static void Outline(Canvas image, int left, int top, Rgb24 color)
    {
        for (var i = 0; i < Tile; i++)
        {
            image[left + i, top] = color;
            image[left, top + i] = color;
        }
    }

    private static Rgb24 Color(ObjectColor color) => color switch
    {
        ObjectColor.Red => new Rgb24(255, 0, 0),
        ObjectColor.Green => new Rgb24(0, 255, 0),
        ObjectColor.Blue => new Rgb24(0, 0, 255),
        ObjectColor.Purple => new Rgb24(112, 39, 195),
        ObjectColor.Yellow => new Rgb24(255, 255, 0),
        _ => new Rgb24(100, 100, 100),
    };

    private static Rgb24 Dim(Rgb24 color) => new((byte)(color.R / 2), (byte)(color.G / 2), (byte)(color.B / 2));
}
