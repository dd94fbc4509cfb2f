using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-ActionObjDoor: the centre room with five objects and four doors; go to, pick up or open one.</summary>
internal sealed class ActionObjDoorLevel() : RoomGridLevel("babyai-action-obj-door", "BabyAI-ActionObjDoor-v0", roomSize: 7)
{
    protected override void GenerateMission()
    {
        var objects = AddDistractors(1, 1, count: 5);
        for (var k = 0; k < 4; k++)
        {
            objects.Add(AddDoor(1, 1, locked: false).Door);
        }
        PlaceAgent(1, 1);
        var target = RandomElement(objects);
        var description = new ObjectDescription(target.Type, target.Color);
        if (target.Type == ObjectType.Door)
        {
            Instructions = RandomBool() ? new GoToInstruction(description) : new OpenInstruction(description);
        }
        else
        {
            Instructions = RandomBool() ? new GoToInstruction(description) : new PickupInstruction(description);
        }
    }
}
