using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-UnlockLocal: the centre room has a locked door and its key; open the door.</summary>
internal sealed class UnlockLocalLevel() : RoomGridLevel("babyai-unlock-local", "BabyAI-UnlockLocal-v0")
{
    protected override void GenerateMission()
    {
        var (door, _) = AddDoor(1, 1, locked: true);
        AddObject(1, 1, ObjectType.Key, door.Color);
        PlaceAgent(1, 1);
        Instructions = new OpenInstruction(new ObjectDescription(door.Type));
    }
}
