using Jat.Environments.BabyAI;
using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>The text rendering of the whole grid.</summary>
public sealed class GridTextTests
{
    [Fact]
    public void Each_cell_is_two_characters_kind_and_colour_initial_with_the_agent_as_arrows()
    {
        var level = new ScriptedLevel(
            l =>
            {
                l.AgentPosition = new GridPosition(1, 1);
                l.AgentDirection = 1;
                l.Put(WorldObject.Key(ObjectColor.Red), 2, 1);
                l.Put(WorldObject.Door(ObjectColor.Yellow, isLocked: true), 4, 2);
                l.Put(WorldObject.Door(ObjectColor.Blue, isOpen: true), 2, 0);
                l.Put(WorldObject.Box(ObjectColor.Purple), 3, 3);
                l.Put(WorldObject.Ball(ObjectColor.Green), 1, 3);
                return new GoToInstruction(new ObjectDescription(ObjectType.Key));
            },
            roomSize: 5);
        level.Reset(0);

        var expected = string.Join('\n',
            "WGWG__WGWG",
            "WGVVKR  WG",
            "WG      LY",
            "WGAG  BPWG",
            "WGWGWGWGWG");
        Assert.Equal(expected, GridText.Render(level));
    }
}
