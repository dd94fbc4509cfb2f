using System.Text;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI;

/// <summary>
/// The whole grid as text, two characters a cell as MiniGrid prints it: a letter for the kind (W wall, F floor, K key,
/// A ball, B box, G goal, V lava) and the colour's initial; doors as <c>__</c> open, <c>D</c>+colour closed, <c>L</c>+colour
/// locked; the agent as two arrows (<c>&gt;&gt;</c>, <c>VV</c>, <c>&lt;&lt;</c>, <c>^^</c>); empty cells as spaces.
/// </summary>
internal static class GridText
{
    public static string Render(MiniGridWorld world)
    {
        var text = new StringBuilder();
        var grid = world.Grid;
        for (var y = 0; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                if (world.AgentPosition == new GridPosition(x, y))
                {
                    var arrow = world.AgentDirection switch { 0 => '>', 1 => 'V', 2 => '<', _ => '^' };
                    text.Append(arrow).Append(arrow);
                    continue;
                }
                text.Append(Cell(grid.Get(x, y)));
            }
            if (y < grid.Height - 1)
            {
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Cell(WorldObject? cell)
    {
        if (cell is null)
        {
            return "  ";
        }
        var initial = char.ToUpperInvariant(ObjectColors.Name(cell.Color)[0]);
        return cell.Type switch
        {
            ObjectType.Door when cell.IsOpen => "__",
            ObjectType.Door when cell.IsLocked => $"L{initial}",
            ObjectType.Door => $"D{initial}",
            ObjectType.Wall => $"W{initial}",
            ObjectType.Floor => $"F{initial}",
            ObjectType.Key => $"K{initial}",
            ObjectType.Ball => $"A{initial}",
            ObjectType.Box => $"B{initial}",
            ObjectType.Goal => $"G{initial}",
            ObjectType.Lava => $"V{initial}",
            _ => "??",
        };
    }
}
