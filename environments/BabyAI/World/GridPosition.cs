namespace Jat.Environments.BabyAI.World;

/// <summary>A cell of the grid: <see cref="X"/> grows rightwards, <see cref="Y"/> downwards.</summary>
internal readonly record struct GridPosition(int X, int Y)
{
    /// <summary>Where MiniGrid puts what has no place on the grid (the agent before placement, a carried object).</summary>
    public static GridPosition Nowhere { get; } = new(-1, -1);

    public static GridPosition operator +(GridPosition a, GridPosition b) => new(a.X + b.X, a.Y + b.Y);

    public static GridPosition operator -(GridPosition a, GridPosition b) => new(a.X - b.X, a.Y - b.Y);

    public static GridPosition operator *(GridPosition a, int k) => new(a.X * k, a.Y * k);

    /// <summary>Whether two cells share a side (diagonal neighbours do not count).</summary>
    public bool IsNextTo(GridPosition other) => Math.Abs(X - other.X) + Math.Abs(Y - other.Y) == 1;

    public override string ToString() => $"({X}, {Y})";
}
