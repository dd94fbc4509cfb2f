using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-FindObjS5: a 3×3 maze of small rooms; pick up the one object, wherever it is.</summary>
internal sealed class FindObjLevel() : RoomGridLevel("babyai-find-obj-s5", "BabyAI-FindObjS5-v0", roomSize: 5, fixedMaxSteps: 20 * 5 * 5)
{
    protected override void GenerateMission()
    {
        // MiniGrid draws the column index against the row count and the row against the column count; the maze is
        // square, so only the order of the draws matters.
        var i = RandomInt(0, NumRows);
        var j = RandomInt(0, NumCols);
        var (target, _) = AddObject(i, j);
        PlaceAgent(1, 1);
        ConnectAll();
        Instructions = new PickupInstruction(new ObjectDescription(target.Type));
    }
}
