using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Levels;

/// <summary>BabyAI-PickupDist: one room, five distinct objects; pick up one named by type, colour or both.</summary>
internal sealed class PickupDistLevel() : RoomGridLevel("babyai-pickup-dist", "BabyAI-PickupDist-v0", roomSize: 7, numRows: 1, numCols: 1)
{
    private enum Naming
    {
        Type,
        Color,
        Both,
    }

    private static readonly Naming[] Namings = [Naming.Type, Naming.Color, Naming.Both];

    protected override void GenerateMission()
    {
        var objects = AddDistractors(count: 5);
        PlaceAgent(0, 0);
        var target = RandomElement(objects);
        ObjectType? type = target.Type;
        ObjectColor? color = target.Color;
        switch (RandomElement(Namings))
        {
            case Naming.Color:
                type = null;
                break;
            case Naming.Type:
                color = null;
                break;
        }
        Instructions = new PickupInstruction(new ObjectDescription(type, color));
    }
}
