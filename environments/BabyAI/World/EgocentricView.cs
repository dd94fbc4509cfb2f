namespace Jat.Environments.BabyAI.World;

/// <summary>
/// The agent's 7×7 partial view, as MiniGrid builds it: the square ahead of the agent (the agent at column 3 of the
/// nearest row, looking "up" the view), cells outside the grid seen as walls, cells hidden behind walls and closed
/// doors cleared by MiniGrid's <c>process_vis</c> sweep, and the agent's own cell showing what it carries. Buffers are
/// reused: <see cref="Update"/> overwrites them.
/// </summary>
/// <remarks>View coordinates: <c>vx</c> = column 0–6 left to right as the agent sees it, <c>vy</c> = row 0–6 from the
/// farthest to the nearest; the agent is at (3, 6).</remarks>
internal sealed class EgocentricView
{
    public const int Size = 7;

    /// <summary>What the view shows beyond the edge of the grid.</summary>
    private static readonly WorldObject Boundary = WorldObject.Wall();

    private readonly WorldObject?[] _cells = new WorldObject?[Size * Size];
    private readonly bool[] _visible = new bool[Size * Size];
    private readonly bool[] _blocks = new bool[Size * Size];

    /// <summary>Whether the agent sees view cell (vx, vy).</summary>
    public bool IsVisible(int vx, int vy) => _visible[Index(vx, vy)];

    /// <summary>What the agent sees at view cell (vx, vy): null for empty or hidden cells.</summary>
    public WorldObject? Cell(int vx, int vy) => _cells[Index(vx, vy)];

    /// <summary>The world cell under view cell (vx, vy) for an agent at <paramref name="agent"/> facing <paramref name="direction"/>.</summary>
    public static GridPosition WorldPosition(GridPosition agent, int direction, int vx, int vy)
    {
        var forward = Directions.Vector(direction);
        var right = Directions.Right(direction);
        return agent + (forward * (Size - 1 - vy)) + (right * (vx - (Size / 2)));
    }

    /// <summary>The view cell of world cell (x, y), which may lie outside 0–6 when the cell is out of view.</summary>
    public static (int Vx, int Vy) ViewCoordinates(GridPosition agent, int direction, int x, int y)
    {
        var forward = Directions.Vector(direction);
        var right = Directions.Right(direction);
        var dx = x - agent.X;
        var dy = y - agent.Y;
        return ((right.X * dx) + (right.Y * dy) + (Size / 2), Size - 1 - ((forward.X * dx) + (forward.Y * dy)));
    }

    /// <summary>Recomputes the view of <paramref name="grid"/> from the agent's position and direction.</summary>
    public void Update(Grid grid, GridPosition agent, int direction, WorldObject? carrying)
    {
        var forward = Directions.Vector(direction);
        var right = Directions.Right(direction);
        var cells = grid.Cells;
        var (width, height) = (grid.Width, grid.Height);
        for (var vx = 0; vx < Size; vx++)
        {
            // World cell of (vx, 0), then one step back towards the agent per row.
            var x = agent.X + (forward.X * (Size - 1)) + (right.X * (vx - (Size / 2)));
            var y = agent.Y + (forward.Y * (Size - 1)) + (right.Y * (vx - (Size / 2)));
            for (var vy = 0; vy < Size; vy++, x -= forward.X, y -= forward.Y)
            {
                var cell = (uint)x < (uint)width && (uint)y < (uint)height ? cells[(y * width) + x] : Boundary;
                var k = (vx * Size) + vy;
                _cells[k] = cell;
                _blocks[k] = cell is { SeeBehind: false };
            }
        }
        ComputeVisibility();
        for (var k = 0; k < _cells.Length; k++)
        {
            if (!_visible[k])
            {
                _cells[k] = null;
            }
        }
        _cells[Index(Size / 2, Size - 1)] = carrying;
    }

    /// <summary>
    /// Writes the view's symbolic encoding, <c>image[vx][vy][c]</c> flattened (147 ints): (type, colour, state), with
    /// hidden cells (0, 0, 0) and empty visible cells (1, 0, 0).
    /// </summary>
    public void Encode(Span<int> image)
    {
        if (image.Length < Size * Size * 3)
        {
            throw new ArgumentException($"the view encodes into {Size * Size * 3} ints, not {image.Length}", nameof(image));
        }
        for (var k = 0; k < _cells.Length; k++)
        {
            var o = k * 3;
            if (!_visible[k])
            {
                image[o] = 0;
                image[o + 1] = 0;
                image[o + 2] = 0;
            }
            else if (_cells[k] is { } cell)
            {
                image[o] = (int)cell.Type;
                image[o + 1] = (int)cell.Color;
                image[o + 2] = cell.State;
            }
            else
            {
                image[o] = (int)ObjectType.Empty;
                image[o + 1] = 0;
                image[o + 2] = 0;
            }
        }
    }

    private static int Index(int vx, int vy) => (vx * Size) + vy;

    /// <summary>
    /// MiniGrid's sweep from the nearest row to the farthest: a visible cell that does not block sight lights its
    /// sideways neighbour and the cells above both, first sweeping rightwards, then leftwards.
    /// </summary>
    private void ComputeVisibility()
    {
        var visible = _visible;
        var blocks = _blocks;
        Array.Clear(visible);
        visible[Index(Size / 2, Size - 1)] = true;
        for (var j = Size - 1; j >= 0; j--)
        {
            for (var i = 0; i < Size - 1; i++)
            {
                var k = (i * Size) + j;
                if (!visible[k] || blocks[k])
                {
                    continue;
                }
                visible[k + Size] = true;
                if (j > 0)
                {
                    visible[k + Size - 1] = true;
                    visible[k - 1] = true;
                }
            }
            for (var i = Size - 1; i > 0; i--)
            {
                var k = (i * Size) + j;
                if (!visible[k] || blocks[k])
                {
                    continue;
                }
                visible[k - Size] = true;
                if (j > 0)
                {
                    visible[k - Size - 1] = true;
                    visible[k - 1] = true;
                }
            }
        }
    }
}
