using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>The 7×7 view: orientation, occlusion by walls and closed doors, the carried object, the symbolic codes.</summary>
public sealed class EgocentricViewTests
{
    private static readonly (int, int, int) Unseen = (0, 0, 0);
    private static readonly (int, int, int) Empty = (1, 0, 0);

    /// <summary>A wall across the room at y = 3 with a door at (3, 3); the agent just below the door, facing it.</summary>
    private static (ScriptedLevel Level, WorldObject Door) WalledRoom()
    {
        WorldObject door = null!;
        var level = ScriptedLevel.OneRoom(new GridPosition(3, 4), 3, l =>
        {
            l.Grid.HorizontalWall(1, 3, 6);
            door = l.Put(WorldObject.Door(ObjectColor.Green), 3, 3);
            l.Put(WorldObject.Ball(ObjectColor.Red), 5, 1);
            return new GoToInstruction(new ObjectDescription(ObjectType.Ball));
        });
        return (level, door);
    }

    [Fact]
    public void A_wall_with_a_closed_door_hides_everything_behind_it()
    {
        var (level, _) = WalledRoom();

        for (var vx = 0; vx < 7; vx++)
        {
            for (var vy = 0; vy < 5; vy++)
            {
                Assert.Equal(Unseen, level.Seen(vx, vy));
            }
            Assert.NotEqual(Unseen, level.Seen(vx, 5));
        }
        Assert.Equal(((int)ObjectType.Door, (int)ObjectColor.Green, 1), level.Seen(3, 5));
        Assert.Equal(((int)ObjectType.Wall, (int)ObjectColor.Grey, 0), level.Seen(2, 5));
    }

    [Fact]
    public void Opening_the_door_reveals_the_cells_beyond_it()
    {
        var (level, door) = WalledRoom();

        level.Step(MiniGridAction.Toggle);

        Assert.True(door.IsOpen);
        Assert.Equal(((int)ObjectType.Door, (int)ObjectColor.Green, 0), level.Seen(3, 5));
        Assert.Equal(Empty, level.Seen(3, 4));
        // The ball at (5, 1) is three rows ahead and two columns right of the agent.
        Assert.Equal(((int)ObjectType.Ball, (int)ObjectColor.Red, 0), level.Seen(5, 3));
    }

    [Fact]
    public void The_view_turns_with_the_agent_so_an_object_on_its_left_shows_left_of_it()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Key(ObjectColor.Blue), 2, 1);
            return new GoToInstruction(new ObjectDescription(ObjectType.Key));
        });

        Assert.Equal(((int)ObjectType.Key, (int)ObjectColor.Blue, 0), level.Seen(2, 6));
        level.Step(MiniGridAction.Left);
        Assert.Equal(((int)ObjectType.Key, (int)ObjectColor.Blue, 0), level.Seen(3, 5));
        Assert.Equal(3, level.Observation.Discrete[0]);
    }

    [Fact]
    public void The_agent_cell_shows_what_it_carries_or_empty()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Box(ObjectColor.Yellow), 3, 2);
            l.Put(WorldObject.Ball(ObjectColor.Red), 5, 5);
            return new GoToInstruction(new ObjectDescription(ObjectType.Ball));
        });
        Assert.Equal(Empty, level.Seen(3, 6));
        Assert.Equal(((int)ObjectType.Box, (int)ObjectColor.Yellow, 0), level.Seen(3, 5));

        level.Step(MiniGridAction.Pickup);

        Assert.Equal(((int)ObjectType.Box, (int)ObjectColor.Yellow, 0), level.Seen(3, 6));
        Assert.Equal(Empty, level.Seen(3, 5));
    }

    [Fact]
    public void View_and_world_coordinates_map_back_and_forth_in_every_direction()
    {
        var agent = new GridPosition(10, 10);
        for (var direction = 0; direction < 4; direction++)
        {
            Assert.Equal(agent, EgocentricView.WorldPosition(agent, direction, 3, 6));
            Assert.Equal(agent + Directions.Vector(direction), EgocentricView.WorldPosition(agent, direction, 3, 5));
            for (var vx = 0; vx < 7; vx++)
            {
                for (var vy = 0; vy < 7; vy++)
                {
                    var world = EgocentricView.WorldPosition(agent, direction, vx, vy);
                    Assert.Equal((vx, vy), EgocentricView.ViewCoordinates(agent, direction, world.X, world.Y));
                }
            }
        }
    }

    [Fact]
    public void Codes_are_minigrids_object_colour_and_door_state_indexes()
    {
        string[] types = ["unseen", "empty", "wall", "floor", "door", "key", "ball", "box", "goal", "lava", "agent"];
        for (var code = 0; code < types.Length; code++)
        {
            Assert.Equal(types[code], ObjectTypeNames.Name((ObjectType)code));
        }
        string[] colors = ["red", "green", "blue", "purple", "yellow", "grey"];
        for (var code = 0; code < colors.Length; code++)
        {
            Assert.Equal(colors[code], ObjectColors.Name((ObjectColor)code));
        }
        Assert.Equal(0, WorldObject.Door(ObjectColor.Red, isOpen: true).State);
        Assert.Equal(1, WorldObject.Door(ObjectColor.Red).State);
        Assert.Equal(2, WorldObject.Door(ObjectColor.Red, isLocked: true).State);
        Assert.Equal((8, 1, 0), ((int)WorldObject.Goal().Type, (int)WorldObject.Goal().Color, WorldObject.Goal().State));
    }

    [Fact]
    public void Colour_draws_index_the_colour_names_in_alphabetical_order()
    {
        var names = ObjectColors.Sorted.Select(ObjectColors.Name).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(6, names.Distinct().Count());
    }
}
