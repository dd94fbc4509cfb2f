using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-OneRoomS8: pick up the ball in a single room.</summary>
internal sealed class OneRoomLevel() : RoomGridLevel("babyai-one-room-s8", "BabyAI-OneRoomS8-v0", numRows: 1, numCols: 1)
{
    protected override void GenerateMission()
    {
        var (ball, _) = AddObject(0, 0, ObjectType.Ball);
        PlaceAgent();
        Instructions = new PickupInstruction(new ObjectDescription(ball.Type));
    }
}
