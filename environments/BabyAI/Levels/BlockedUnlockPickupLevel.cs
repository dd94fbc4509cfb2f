using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-BlockedUnlockPickup: like UnlockPickup, with a ball blocking the locked door.</summary>
internal sealed class BlockedUnlockPickupLevel() : RoomGridLevel("babyai-blocked-unlock-pickup", "BabyAI-BlockedUnlockPickup-v0", roomSize: 6, numRows: 1, numCols: 2, fixedMaxSteps: 16 * 6 * 6)
{
    protected override void GenerateMission()
    {
        var (box, _) = AddObject(1, 0, ObjectType.Box);
        var (door, position) = AddDoor(0, 0, 0, locked: true);

        // Written straight into the grid, as MiniGrid does: the ball belongs to no room and has no recorded position.
        Grid.Set(position.X - 1, position.Y, WorldObject.Ball(RandomColor()));
        AddObject(0, 0, ObjectType.Key, door.Color);
        PlaceAgent(0, 0);
        Instructions = new PickupInstruction(new ObjectDescription(box.Type));
    }
}
