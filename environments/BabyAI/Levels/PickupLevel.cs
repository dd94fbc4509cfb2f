using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-Pickup: a 3×3 maze, eighteen objects, pick one up.</summary>
internal sealed class PickupLevel() : RoomGridLevel("babyai-pickup", "BabyAI-Pickup-v0")
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
        Instructions = new PickupInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
