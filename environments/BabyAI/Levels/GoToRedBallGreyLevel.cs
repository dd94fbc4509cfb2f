using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToRedBallGrey: one room, a red ball among seven grey distractors.</summary>
internal sealed class GoToRedBallGreyLevel() : RoomGridLevel("babyai-go-to-red-ball-grey", "BabyAI-GoToRedBallGrey-v0", numRows: 1, numCols: 1)
{
    protected override void GenerateMission()
    {
        PlaceAgent();
        var (ball, _) = AddObject(0, 0, ObjectType.Ball, ObjectColor.Red);
        foreach (var distractor in AddDistractors(count: 7, allUnique: false))
        {
            distractor.Color = ObjectColor.Grey;
        }
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        Instructions = new GoToInstruction(new ObjectDescription(ball.Type, ball.Color));
    }
}
