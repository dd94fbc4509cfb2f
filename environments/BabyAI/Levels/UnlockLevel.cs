using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-Unlock: open the locked door of a room of the 3×3 maze; its key lies somewhere in the maze.</summary>
internal sealed class UnlockLevel() : RoomGridLevel("babyai-unlock", "BabyAI-Unlock-v0")
{
    protected override void GenerateMission()
    {
        var lockedColumn = RandomInt(0, NumCols);
        var lockedRow = RandomInt(0, NumRows);
        var (door, _) = AddDoor(lockedColumn, lockedRow, locked: true);
        var lockedRoom = GetRoom(lockedColumn, lockedRow);

        // As in GoToImpUnlock, MiniGrid's `is` comparisons of numpy integers never hold: one draw places the key, and
        // every room, the locked one included, gets distractors.
        var keyColumn = RandomInt(0, NumCols);
        var keyRow = RandomInt(0, NumRows);
        AddObject(keyColumn, keyRow, ObjectType.Key, door.Color);
        if (RandomBool())
        {
            var others = new List<ObjectColor>();
            foreach (var color in ObjectColors.Sorted)
            {
                if (color != door.Color)
                {
                    others.Add(color);
                }
            }
            ConnectAll(others);
        }
        else
        {
            ConnectAll();
        }
        for (var i = 0; i < NumCols; i++)
        {
            for (var j = 0; j < NumRows; j++)
            {
                AddDistractors(i, j, count: 3, allUnique: false);
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
        Instructions = new OpenInstruction(new ObjectDescription(door.Type, door.Color));
    }
}
