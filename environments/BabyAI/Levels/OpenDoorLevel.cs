using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-OpenDoor: four doors of distinct colours around the centre room; open the one named by colour or location.</summary>
internal sealed class OpenDoorLevel() : RoomGridLevel("babyai-open-door", "BabyAI-OpenDoor-v0")
{
    private static readonly bool[] ByColorOrLocation = [true, false];
    private static readonly ObjectLocation[] Locations =
        [ObjectLocation.Left, ObjectLocation.Right, ObjectLocation.Front, ObjectLocation.Behind];

    protected override void GenerateMission()
    {
        var colors = RandomSubset(ObjectColors.Sorted, 4);
        var doors = new List<WorldObject>();
        for (var side = 0; side < colors.Count; side++)
        {
            doors.Add(AddDoor(1, 1, side, colors[side], locked: false).Door);
        }
        var description = RandomElement(ByColorOrLocation)
            ? new ObjectDescription(ObjectType.Door, doors[0].Color)
            : new ObjectDescription(ObjectType.Door, location: RandomElement(Locations));
        PlaceAgent(1, 1);
        Instructions = new OpenInstruction(description);
    }
}
