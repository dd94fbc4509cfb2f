using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToObjDoor: the centre room with eight objects and four doors; go to one of them.</summary>
internal sealed class GoToObjDoorLevel() : RoomGridLevel("babyai-go-to-obj-door", "BabyAI-GoToObjDoor-v0")
{
    protected override void GenerateMission()
    {
        PlaceAgent(1, 1);
        var objects = AddDistractors(1, 1, count: 8, allUnique: false);
        for (var k = 0; k < 4; k++)
        {
            objects.Add(AddDoor(1, 1).Door);
        }
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        var target = RandomElement(objects);
        Instructions = new GoToInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
