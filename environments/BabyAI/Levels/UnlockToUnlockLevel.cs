using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-UnlockToUnlock: three rooms, two locked doors; the first key opens the way to the second.</summary>
internal sealed class UnlockToUnlockLevel() : RoomGridLevel("babyai-unlock-to-unlock", "BabyAI-UnlockToUnlock-v0", roomSize: 6, numRows: 1, numCols: 3, fixedMaxSteps: 30 * 6 * 6)
{
    protected override void GenerateMission()
    {
        var colors = RandomSubset(ObjectColors.Sorted, 2);
        AddDoor(0, 0, 0, colors[0], locked: true);
        AddObject(2, 0, ObjectType.Key, colors[0]);
        AddDoor(1, 0, 0, colors[1], locked: true);
        AddObject(1, 0, ObjectType.Key, colors[1]);
        var (ball, _) = AddObject(0, 0, ObjectType.Ball);
        PlaceAgent(1, 0);
        Instructions = new PickupInstruction(new ObjectDescription(ball.Type));
    }
}
