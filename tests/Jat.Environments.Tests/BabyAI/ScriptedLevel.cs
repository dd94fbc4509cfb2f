using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.Levels;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>
/// A level whose layout a test writes by hand: the rooms are laid out as usual, then <c>layout</c> places the agent and
/// objects and returns the instruction. Lets a test put the world in exactly the state a rule needs.
/// </summary>
internal sealed class ScriptedLevel(Func<ScriptedLevel, Instruction> layout, int roomSize = 8, int numRows = 1, int numCols = 1, int maxSteps = 100)
    : RoomGridLevel("test-scripted", "Test-Scripted-v0", roomSize, numRows, numCols, maxSteps)
{
    /// <summary>A single 8×8 room (interior 1–6) with the agent at <paramref name="agent"/> facing <paramref name="direction"/>.</summary>
    public static ScriptedLevel OneRoom(GridPosition agent, int direction, Func<ScriptedLevel, Instruction> objects, int maxSteps = 100)
    {
        var level = new ScriptedLevel(
            l =>
            {
                l.AgentPosition = agent;
                l.AgentDirection = direction;
                return objects(l);
            },
            maxSteps: maxSteps);
        level.Reset(0);
        return level;
    }

    /// <summary>Puts <paramref name="obj"/> at (x, y) and returns it.</summary>
    public WorldObject Put(WorldObject obj, int x, int y)
    {
        PutObject(obj, x, y);
        return obj;
    }

    public Transition Step(MiniGridAction action) => Step((int)action);

    /// <summary>The encoded view cell (vx, vy) of the current observation: (type, colour, state).</summary>
    public (int Type, int Color, int State) Seen(int vx, int vy)
    {
        var o = 1 + (((vx * 7) + vy) * 3);
        return (Observation.Discrete[o], Observation.Discrete[o + 1], Observation.Discrete[o + 2]);
    }

    protected override void GenerateMission() => Instructions = layout(this);
}
