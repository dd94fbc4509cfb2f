using Jat.Environments.BabyAI.Levels;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// What the bot knows of the world: which cells the agent has ever seen (the original's <c>vis_mask</c>), over the
/// level's grid. The bot reads cell contents from the grid itself, as the original does, but only plans through cells
/// it has seen, so it acts on nothing the agent could not have observed.
/// </summary>
internal sealed class KnownMap
{
    private readonly RoomGridLevel _level;
    private readonly bool[] _seen;

    public KnownMap(RoomGridLevel level)
    {
        _level = level;
        Width = level.Width;
        Height = level.Height;
        _seen = new bool[Width * Height];
    }

    public int Width { get; }

    public int Height { get; }

    public Grid Grid => _level.Grid;

    public bool IsSeen(int x, int y) => _seen[Index(x, y)];

    public bool IsSeen(GridPosition position) => IsSeen(position.X, position.Y);

    /// <summary>Marks every cell of the agent's current view that the view shows (occluded cells stay unknown).</summary>
    public void MarkView()
    {
        var view = _level.View;
        var agent = _level.AgentPosition;
        var direction = _level.AgentDirection;
        for (var vy = 0; vy < EgocentricView.Size; vy++)
        {
            for (var vx = 0; vx < EgocentricView.Size; vx++)
            {
                if (!view.IsVisible(vx, vy))
                {
                    continue;
                }
                var cell = EgocentricView.WorldPosition(agent, direction, vx, vy);
                if ((uint)cell.X < (uint)Width && (uint)cell.Y < (uint)Height)
                {
                    MarkSeen(cell);
                }
            }
        }
    }

    public void MarkSeen(GridPosition cell) => _seen[Index(cell.X, cell.Y)] = true;

    /// <summary>The cell's content; outside the grid the original's <c>Grid.get</c> fails an assertion.</summary>
    public WorldObject? Get(int x, int y) =>
        (uint)x < (uint)Width && (uint)y < (uint)Height
            ? Grid.Get(x, y)
            : throw new BotCrashException($"the bot read cell ({x}, {y}) outside the {Width}×{Height} grid");

    public WorldObject? Get(GridPosition position) => Get(position.X, position.Y);

    private int Index(int x, int y) =>
        (uint)x < (uint)Width && (uint)y < (uint)Height
            ? (y * Width) + x
            : throw new BotCrashException($"the bot looked up visibility of ({x}, {y}) outside the {Width}×{Height} grid");
}
