namespace Jat.Environments.BabyAI.World;

/// <summary>The cells of the world, row after row; an empty cell holds null.</summary>
internal sealed class Grid
{
    private readonly WorldObject?[] _cells;

    public Grid(int width, int height)
    {
        if (width < 3 || height < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a grid is at least 3×3, not {width}×{height}");
        }
        Width = width;
        Height = height;
        _cells = new WorldObject?[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Counts changes to the cells, so that scans of the grid can tell when theirs is still current.</summary>
    public long Version { get; private set; }

    /// <summary>All cells, row after row: cell (x, y) is at <c>y * Width + x</c>.</summary>
    public ReadOnlySpan<WorldObject?> Cells => _cells;

    public bool Contains(int x, int y) => (uint)x < (uint)Width && (uint)y < (uint)Height;

    public WorldObject? Get(int x, int y)
    {
        if (!Contains(x, y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {Width}×{Height} grid");
        }
        return _cells[(y * Width) + x];
    }

    public WorldObject? Get(GridPosition position) => Get(position.X, position.Y);

    public void Set(int x, int y, WorldObject? value)
    {
        if (!Contains(x, y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {Width}×{Height} grid");
        }
        _cells[(y * Width) + x] = value;
        Version++;
    }

    public void Set(GridPosition position, WorldObject? value) => Set(position.X, position.Y, value);

    public void HorizontalWall(int x, int y, int length)
    {
        for (var i = 0; i < length; i++)
        {
            Set(x + i, y, WorldObject.Wall());
        }
    }

    public void VerticalWall(int x, int y, int length)
    {
        for (var j = 0; j < length; j++)
        {
            Set(x, y + j, WorldObject.Wall());
        }
    }

    /// <summary>The outline of a <paramref name="width"/>×<paramref name="height"/> rectangle.</summary>
    public void WallRectangle(int x, int y, int width, int height)
    {
        HorizontalWall(x, y, width);
        HorizontalWall(x, y + height - 1, width);
        VerticalWall(x, y, height);
        VerticalWall(x + width - 1, y, height);
    }

    /// <summary>The symbolic encoding of one cell: (type, colour, state); an empty cell is (1, 0, 0).</summary>
    public (int Type, int Color, int State) Encode(int x, int y) =>
        Get(x, y) is { } cell ? ((int)cell.Type, (int)cell.Color, cell.State) : ((int)ObjectType.Empty, 0, 0);
}
