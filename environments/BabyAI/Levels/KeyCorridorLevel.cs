using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-KeyCorridor: a corridor of rooms in the middle column; the ball is behind a locked door, the key in another room.</summary>
internal sealed class KeyCorridorLevel() : RoomGridLevel("babyai-key-corridor", "BabyAI-KeyCorridor-v0", roomSize: 6, fixedMaxSteps: 30 * 6 * 6)
{
    protected override void GenerateMission()
    {
        for (var j = 1; j < NumRows; j++)
        {
            RemoveWall(1, j, 3);
        }
        var row = RandomInt(0, NumRows);
        var (door, _) = AddDoor(2, row, 2, locked: true);
        var (ball, _) = AddObject(2, row, ObjectType.Ball);
        AddObject(0, RandomInt(0, NumRows), ObjectType.Key, door.Color);
        PlaceAgent(1, NumRows / 2);
        ConnectAll();
        Instructions = new PickupInstruction(new ObjectDescription(ball.Type));
    }
}
