using Jat.Environments.BabyAI;
using Jat.Environments.BabyAI.Levels;
using Jat.Environments.BabyAI.World;
using Jat.Environments.BabyAI.Bot;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>
/// An 8×8 world drawn as text, on a GoToLocal level whose cells are overwritten: <c>#</c> wall, <c>o</c> red ball,
/// <c>D</c> closed blue door, <c>/</c> open blue door, <c>.</c> empty, and the agent as <c>&gt; v &lt; ^</c> (facing
/// right, down, left, up).
/// </summary>
internal static class ScriptedRoom
{
    public static RoomGridLevel Create(params string[] rows)
    {
        var level = BabyAILevels.Create("babyai-go-to-local");
        level.Reset(0);
        for (var y = 0; y < rows.Length; y++)
        {
            for (var x = 0; x < rows[y].Length; x++)
            {
                var symbol = rows[y][x];
                level.Grid.Set(x, y, symbol switch
                {
                    '#' => WorldObject.Wall(),
                    'o' => WorldObject.Ball(ObjectColor.Red),
                    'D' => WorldObject.Door(ObjectColor.Blue),
                    '/' => WorldObject.Door(ObjectColor.Blue, isOpen: true),
                    _ => null,
                });
                if (">v<^".IndexOf(symbol, StringComparison.Ordinal) is var direction and >= 0)
                {
                    level.AgentPosition = new GridPosition(x, y);
                    level.AgentDirection = direction;
                }
            }
        }
        level.Carrying = null;
        level.UpdateView();
        return level;
    }

    /// <summary>A map where every cell of rows <paramref name="fromRow"/> … <paramref name="toRow"/> has been seen.</summary>
    public static KnownMap Seen(RoomGridLevel level, int fromRow = 0, int toRow = int.MaxValue)
    {
        var map = new KnownMap(level);
        for (var y = fromRow; y <= Math.Min(toRow, level.Height - 1); y++)
        {
            for (var x = 0; x < level.Width; x++)
            {
                map.MarkSeen(new GridPosition(x, y));
            }
        }
        return map;
    }
}
