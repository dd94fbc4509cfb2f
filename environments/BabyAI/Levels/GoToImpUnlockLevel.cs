using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-GoToImpUnlock: go to an object in a locked room whose key lies elsewhere in the maze.</summary>
internal sealed class GoToImpUnlockLevel() : RoomGridLevel("babyai-go-to-imp-unlock", "BabyAI-GoToImpUnlock-v0")
{
    protected override void GenerateMission()
    {
        var lockedColumn = RandomInt(0, NumCols);
        var lockedRow = RandomInt(0, NumRows);
        var (door, _) = AddDoor(lockedColumn, lockedRow, locked: true);
        var lockedRoom = GetRoom(lockedColumn, lockedRow);

        // MiniGrid means to keep the key out of the locked room and the distractors below out of it too, but compares
        // numpy integers with `is`, which never holds: the key's room is drawn once and every room gets distractors.
        var keyColumn = RandomInt(0, NumCols);
        var keyRow = RandomInt(0, NumRows);
        AddObject(keyColumn, keyRow, ObjectType.Key, door.Color);
        ConnectAll();
        for (var i = 0; i < NumCols; i++)
        {
            for (var j = 0; j < NumRows; j++)
            {
                AddDistractors(i, j, count: 2, allUnique: false);
            }
        }
        while (true)
        {
            PlaceAgent();
            if (!ReferenceEquals(RoomFromPosition(AgentPosition.X, AgentPosition.Y), lockedRoom))
            {
                break;
            }
        }
        if (RejectedForUnreachableObjects())
        {
            return;
        }
        var target = AddDistractors(lockedColumn, lockedRow, count: 1, allUnique: false)[0];
        Instructions = new GoToInstruction(new ObjectDescription(target.Type, target.Color));
    }
}
