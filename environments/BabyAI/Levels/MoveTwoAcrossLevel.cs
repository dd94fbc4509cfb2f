using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>
/// BabyAI-MoveTwoAcrossS8N9: two rooms of nine objects each with the wall between them removed; put an object next to
/// one across, then one from across next to one of the first room.
/// </summary>
internal sealed class MoveTwoAcrossLevel() : RoomGridLevel("babyai-move-two-across-s8n9", "BabyAI-MoveTwoAcrossS8N9-v0", numRows: 1, numCols: 2, fixedMaxSteps: 16 * 8 * 8)
{
    private const int ObjectsPerRoom = 9;

    protected override void GenerateMission()
    {
        PlaceAgent(0, 0);
        var left = AddDistractors(0, 0, ObjectsPerRoom);
        var right = AddDistractors(1, 0, ObjectsPerRoom);
        RemoveWall(0, 0, 0);
        left = RandomSubset(left, 2);
        right = RandomSubset(right, 2);
        Instructions = new BeforeInstruction(
            new PutNextInstruction(
                new ObjectDescription(left[0].Type, left[0].Color), new ObjectDescription(right[0].Type, right[0].Color)),
            new PutNextInstruction(
                new ObjectDescription(right[1].Type, right[1].Color), new ObjectDescription(left[1].Type, left[1].Color)));
    }
}
