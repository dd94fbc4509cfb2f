using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-PickupAbove: pick up the object in the room above the agent's.</summary>
internal sealed class PickupAboveLevel() : RoomGridLevel("babyai-pickup-above", "BabyAI-PickupAbove-v0", roomSize: 6, fixedMaxSteps: 8 * 6 * 6)
{
    protected override void GenerateMission()
    {
        var (target, _) = AddObject(1, 0);
        AddDoor(1, 1, 3, locked: false);
        PlaceAgent(1, 1);
        ConnectAll();
        Instructions = new PickupInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
