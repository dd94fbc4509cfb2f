namespace Jat.Environments.BabyAI.World;

/// <summary>The agent's four directions: 0 facing +x (right), 1 +y (down), 2 −x (left), 3 −y (up).</summary>
internal static class Directions
{
    private static readonly GridPosition[] Vectors = [new(1, 0), new(0, 1), new(-1, 0), new(0, -1)];

    /// <summary>The step one cell forward in <paramref name="direction"/>.</summary>
    public static GridPosition Vector(int direction) => Vectors[direction];

    /// <summary>The step one cell to the right of an agent facing <paramref name="direction"/>.</summary>
    public static GridPosition Right(int direction)
    {
        var forward = Vectors[direction];
        return new GridPosition(-forward.Y, forward.X);
    }
}
