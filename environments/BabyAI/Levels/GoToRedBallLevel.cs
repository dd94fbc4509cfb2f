using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToRedBall and GoToRedBallNoDists: one room, a red ball among distractors (or none).</summary>
internal sealed class GoToRedBallLevel : RoomGridLevel
{
    private readonly int _distractors;

    private GoToRedBallLevel(string task, string envId, int distractors)
        : base(task, envId, numRows: 1, numCols: 1) => _distractors = distractors;

    public static GoToRedBallLevel WithDistractors() => new("babyai-go-to-red-ball", "BabyAI-GoToRedBall-v0", 7);

    public static GoToRedBallLevel WithoutDistractors() => new("babyai-go-to-red-ball-no-dists", "BabyAI-GoToRedBallNoDists-v0", 0);

    protected override void GenerateMission()
    {
        PlaceAgent();
        var (ball, _) = AddObject(0, 0, ObjectType.Ball, ObjectColor.Red);
        AddDistractors(count: _distractors, allUnique: false);
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        Instructions = new GoToInstruction(new ObjectDescription(ball.Type, ball.Color));
    }
}
