using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoTo: a 3×3 maze, eighteen objects, go to one of them.</summary>
internal sealed class GoToLevel() : RoomGridLevel("babyai-go-to", "BabyAI-GoTo-v0")
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        ConnectAll();
        var objects = AddDistractors(count: 18, allUnique: false);
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        var target = RandomElement(objects);
        Instructions = new GoToInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
