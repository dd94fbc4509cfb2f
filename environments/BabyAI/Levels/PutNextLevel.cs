using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>
/// BabyAI-PutNextS7N4 (JAT's babyai-put-next): two rooms of four objects each with the wall between them removed; put
/// an object of one room next to one of the other.
/// </summary>
internal sealed class PutNextLevel() : RoomGridLevel("babyai-put-next", "BabyAI-PutNextS7N4-v0", roomSize: 7, numRows: 1, numCols: 2, fixedMaxSteps: 8 * 7 * 7)
{
    private const int ObjectsPerRoom = 4;

    protected override void GenerateMission()
    {
        PlaceAgent(0, 0);
        var left = AddDistractors(0, 0, ObjectsPerRoom);
        var right = AddDistractors(1, 0, ObjectsPerRoom);
        RemoveWall(0, 0, 0);
        var moved = RandomElement(left);
        var fixedObject = RandomElement(right);
        if (RandomBool())
        {
            (moved, fixedObject) = (fixedObject, moved);
        }
        Instructions = new PutNextInstruction(
            new ObjectDescription(moved.Type, moved.Color), new ObjectDescription(fixedObject.Type, fixedObject.Color));
    }
}
