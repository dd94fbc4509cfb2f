using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-OpenDoorsOrderN4: four doors around the centre room; open one, or two in a stated order.</summary>
internal sealed class OpenDoorsOrderLevel() : RoomGridLevel("babyai-open-doors-order-n4", "BabyAI-OpenDoorsOrderN4-v0", roomSize: 6, fixedMaxSteps: 20 * 6 * 6)
{
    private const int DoorCount = 4;

    protected override void GenerateMission()
    {
        var colors = RandomSubset(ObjectColors.Sorted, DoorCount);
        var doors = new List<WorldObject>();
        for (var k = 0; k < DoorCount; k++)
        {
            doors.Add(AddDoor(1, 1, color: colors[k], locked: false).Door);
        }
        PlaceAgent(1, 1);
        var pair = RandomSubset(doors, 2);
        var first = new ObjectDescription(pair[0].Type, pair[0].Color);
        var second = new ObjectDescription(pair[1].Type, pair[1].Color);
        Instructions = RandomInt(0, 3) switch
        {
            0 => new OpenInstruction(first),
            1 => new BeforeInstruction(new OpenInstruction(first), new OpenInstruction(second)),
            _ => new AfterInstruction(new OpenInstruction(first), new OpenInstruction(second)),
        };
    }
}
