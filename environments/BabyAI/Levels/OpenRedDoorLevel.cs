using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-OpenRedDoor: two small rooms joined by a red door; open it.</summary>
internal sealed class OpenRedDoorLevel() : RoomGridLevel("babyai-open-red-door", "BabyAI-OpenRedDoor-v0", roomSize: 5, numRows: 1, numCols: 2)
{
    protected override void GenerateMission()
    {
        AddDoor(0, 0, 0, ObjectColor.Red, locked: false);
        PlaceAgent(0, 0);
        Instructions = new OpenInstruction(new ObjectDescription(ObjectType.Door, ObjectColor.Red));
    }
}
