using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-Open: a 3×3 maze with distractors; open one of its doors.</summary>
internal sealed class OpenLevel() : RoomGridLevel("babyai-open", "BabyAI-Open-v0")
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        ConnectAll();
        AddDistractors(count: 18, allUnique: false);
        if (RejectedForUnreachableObjects())
        {
            return;
        }

        // Each door is listed once from each of its two rooms, as MiniGrid lists them; the draw indexes that list.
        var doors = new List<WorldObject>();
        for (var i = 0; i < NumCols; i++)
        {
            for (var j = 0; j < NumRows; j++)
            {
                foreach (var door in GetRoom(i, j).Doors)
                {
                    if (door is not null)
                    {
                        doors.Add(door);
                    }
                }
            }
        }
        var target = RandomElement(doors);
        Instructions = new OpenInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
