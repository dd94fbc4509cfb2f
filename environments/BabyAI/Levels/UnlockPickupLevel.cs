using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>
/// BabyAI-UnlockPickup: two rooms; unlock the door with the key in the agent's room and pick up the box beyond. MiniGrid
/// means to fix the limit at 288 steps but tests the builtin <c>max</c> for None, so the limit follows the instruction (72).
/// </summary>
internal sealed class UnlockPickupLevel() : RoomGridLevel("babyai-unlock-pickup", "BabyAI-UnlockPickup-v0", roomSize: 6, numRows: 1, numCols: 2)
{
    protected override void GenerateMission()
    {
        var (box, _) = AddObject(1, 0, ObjectType.Box);
        var (door, _) = AddDoor(0, 0, 0, locked: true);
        AddObject(0, 0, ObjectType.Key, door.Color);
        PlaceAgent(0, 0);
        Instructions = new PickupInstruction(new ObjectDescription(box.Type, box.Color));
    }
}
