using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToLocal: one room, eight objects, go to one of them.</summary>
internal sealed class GoToLocalLevel() : RoomGridLevel("babyai-go-to-local", "BabyAI-GoToLocal-v0", numRows: 1, numCols: 1)
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        var objects = AddDistractors(count: 8, allUnique: false);
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        var target = RandomElement(objects);
        Instructions = new GoToInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
