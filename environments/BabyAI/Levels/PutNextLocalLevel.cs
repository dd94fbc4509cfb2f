using Jat.Environments.BabyAI.Language;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-PutNextLocal: one room, eight distinct objects; put one next to another.</summary>
internal sealed class PutNextLocalLevel() : RoomGridLevel("babyai-put-next-local", "BabyAI-PutNextLocal-v0", numRows: 1, numCols: 1, mostNavigations: 2)
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        var objects = AddDistractors(count: 8, allUnique: true);
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        var pair = RandomSubset(objects, 2);
        Instructions = new PutNextInstruction(
            new ObjectDescription(pair[0].Type, pair[0].Color), new ObjectDescription(pair[1].Type, pair[1].Color));
    }
}
