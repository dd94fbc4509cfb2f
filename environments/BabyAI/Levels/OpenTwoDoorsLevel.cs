using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-OpenTwoDoors: open the door on the left wall of the centre room, then the one on the right.</summary>
internal sealed class OpenTwoDoorsLevel() : RoomGridLevel("babyai-open-two-doors", "BabyAI-OpenTwoDoors-v0", roomSize: 6, fixedMaxSteps: 20 * 6 * 6)
{
    protected override void GenerateMission()
    {
        var colors = RandomSubset(ObjectColors.Sorted, 2);
        var (first, _) = AddDoor(1, 1, 2, colors[0], locked: false);
        var (second, _) = AddDoor(1, 1, 0, colors[1], locked: false);
        PlaceAgent(1, 1);
        Instructions = new BeforeInstruction(
            new OpenInstruction(new ObjectDescription(first.Type, first.Color)),
            new OpenInstruction(new ObjectDescription(second.Type, second.Color)));
    }
}
