using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToObj: one room, one object.</summary>
internal sealed class GoToObjLevel() : RoomGridLevel("babyai-go-to-obj", "BabyAI-GoToObj-v0", numRows: 1, numCols: 1)
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        var target = AddDistractors(count: 1)[0];
        Instructions = new GoToInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
