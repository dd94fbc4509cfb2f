using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToDoor: the centre room of a 3×3 maze with four doors (some may be locked); go to one.</summary>
internal sealed class GoToDoorLevel() : RoomGridLevel("babyai-go-to-door", "BabyAI-GoToDoor-v0", roomSize: 7)
{
    protected override void GenerateMission()
    {
        var doors = new List<WorldObject>();
        for (var k = 0; k < 4; k++)
        {
            doors.Add(AddDoor(1, 1).Door);
        }
        PlaceAgent(1, 1);
        var target = RandomElement(doors);
        Instructions = new GoToInstruction(new ObjectDescription(ObjectType.Door, target.Color));
    }
}
