using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToRedBlueBall: one room, go to the only red or blue ball among distractors.</summary>
internal sealed class GoToRedBlueBallLevel() : RoomGridLevel("babyai-go-to-red-blue-ball", "BabyAI-GoToRedBlueBall-v0", numRows: 1, numCols: 1)
{
    private static readonly ObjectColor[] RedOrBlue = [ObjectColor.Red, ObjectColor.Blue];

    protected override void GenerateMission()
    {
        PlaceAgent();
        foreach (var distractor in AddDistractors(count: 7, allUnique: false))
        {
            if (distractor.Type == ObjectType.Ball && distractor.Color is ObjectColor.Blue or ObjectColor.Red)
            {
                throw new LayoutRejectedException("can only have one blue or red ball");
            }
        }
        var (ball, _) = AddObject(0, 0, ObjectType.Ball, RandomElement(RedOrBlue));
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        Instructions = new GoToInstruction(new ObjectDescription(ball.Type, ball.Color));
    }
}
