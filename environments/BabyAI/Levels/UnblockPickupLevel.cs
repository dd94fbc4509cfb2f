using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-UnblockPickup: like Pickup with twenty objects, kept only when some object blocks the way.</summary>
internal sealed class UnblockPickupLevel() : RoomGridLevel("babyai-unblock-pickup", "BabyAI-UnblockPickup-v0")
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        ConnectAll();
        var objects = AddDistractors(count: 20, allUnique: false);
        if (ObjectsReachable())
        {
            RejectLayout(); // nothing blocks the way
            return;
        }
        var target = RandomElement(objects);
        Instructions = new PickupInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
