using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>MiniGrid's action rules: turning, moving, doors and keys, carrying, dropping, boxes, the step limit.</summary>
public sealed class WorldRulesTests
{
    // Every scripted world needs an instruction; a far-away ball gives one that the rules tested here never complete.
    private static Instruction FarBall(ScriptedLevel level)
    {
        level.Put(WorldObject.Ball(ObjectColor.Purple), 6, 6);
        return new GoToInstruction(new ObjectDescription(ObjectType.Ball, ObjectColor.Purple));
    }

    [Fact]
    public void Turning_left_and_right_cycles_through_the_four_directions()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, FarBall);

        level.Step(MiniGridAction.Left);
        Assert.Equal(3, level.AgentDirection);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Right);
        Assert.Equal(1, level.AgentDirection);
        Assert.Equal(1, level.Observation.Discrete[0]);
        Assert.Equal(new GridPosition(2, 2), level.AgentPosition);
    }

    [Fact]
    public void Forward_moves_onto_an_empty_cell_and_is_blocked_by_walls_and_objects()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(1, 2), 2, l =>
        {
            l.Put(WorldObject.Key(ObjectColor.Red), 3, 2);
            return FarBall(l);
        });

        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(1, 2), level.AgentPosition);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(2, 2), level.AgentPosition);
        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(2, 2), level.AgentPosition);
    }

    [Fact]
    public void A_closed_door_blocks_until_toggled_open_and_closes_on_the_next_toggle()
    {
        WorldObject door = null!;
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            door = l.Put(WorldObject.Door(ObjectColor.Blue), 3, 2);
            return FarBall(l);
        });

        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(2, 2), level.AgentPosition);
        level.Step(MiniGridAction.Toggle);
        Assert.True(door.IsOpen);
        Assert.Equal(((int)ObjectType.Door, (int)ObjectColor.Blue, 0), level.Grid.Encode(3, 2));
        level.Step(MiniGridAction.Toggle);
        Assert.False(door.IsOpen);
        Assert.Equal(1, door.State);
        level.Step(MiniGridAction.Toggle);
        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(3, 2), level.AgentPosition);
    }

    [Fact]
    public void A_locked_door_opens_only_with_a_key_of_its_colour_in_hand()
    {
        WorldObject door = null!;
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            door = l.Put(WorldObject.Door(ObjectColor.Yellow, isLocked: true), 3, 2);
            l.Put(WorldObject.Key(ObjectColor.Green), 2, 1);
            l.Put(WorldObject.Key(ObjectColor.Yellow), 2, 3);
            return FarBall(l);
        });

        level.Step(MiniGridAction.Toggle);
        Assert.True(door.IsLocked);
        Assert.Equal(2, door.State);

        level.Step(MiniGridAction.Left);
        level.Step(MiniGridAction.Pickup);
        Assert.Equal(ObjectColor.Green, level.Carrying?.Color);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Toggle);
        Assert.True(door.IsLocked);
        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(2, 2), level.AgentPosition);

        level.Step(MiniGridAction.Left);
        level.Step(MiniGridAction.Drop);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Pickup);
        Assert.Equal(ObjectColor.Yellow, level.Carrying?.Color);
        level.Step(MiniGridAction.Left);
        level.Step(MiniGridAction.Toggle);
        Assert.False(door.IsLocked);
        Assert.True(door.IsOpen);
        level.Step(MiniGridAction.Forward);
        Assert.Equal(new GridPosition(3, 2), level.AgentPosition);
    }

    [Fact]
    public void Pickup_takes_a_movable_object_into_empty_hands_only()
    {
        WorldObject ball = null!;
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            ball = l.Put(WorldObject.Ball(ObjectColor.Red), 3, 2);
            l.Put(WorldObject.Box(ObjectColor.Blue), 2, 3);
            l.Put(WorldObject.Door(ObjectColor.Grey), 2, 1);
            return FarBall(l);
        });

        level.Step(MiniGridAction.Pickup);
        Assert.Same(ball, level.Carrying);
        Assert.Null(level.Grid.Get(3, 2));
        Assert.Equal(GridPosition.Nowhere, ball.CurrentPosition);

        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Pickup);
        Assert.Same(ball, level.Carrying);
        Assert.Equal(ObjectType.Box, level.Grid.Get(2, 3)?.Type);

        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Drop);
        Assert.Equal(ObjectType.Ball, level.Grid.Get(1, 2)?.Type);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Pickup);
        Assert.Null(level.Carrying);
        Assert.Equal(ObjectType.Door, level.Grid.Get(2, 1)?.Type);
    }

    [Fact]
    public void Drop_puts_the_carried_object_on_an_empty_cell_in_front_and_nowhere_else()
    {
        WorldObject key = null!;
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            key = l.Put(WorldObject.Key(ObjectColor.Red), 3, 2);
            l.Put(WorldObject.Ball(ObjectColor.Green), 2, 3);
            return FarBall(l);
        });

        level.Step(MiniGridAction.Pickup);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Drop);
        Assert.Same(key, level.Carrying);
        Assert.Equal(ObjectType.Ball, level.Grid.Get(2, 3)?.Type);

        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Drop);
        Assert.Null(level.Carrying);
        Assert.Same(key, level.Grid.Get(1, 2));
        Assert.Equal(new GridPosition(1, 2), key.CurrentPosition);
    }

    [Fact]
    public void Toggling_a_box_replaces_it_with_its_contents()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Box(ObjectColor.Purple, WorldObject.Key(ObjectColor.Red)), 3, 2);
            l.Put(WorldObject.Box(ObjectColor.Grey), 2, 3);
            return FarBall(l);
        });

        level.Step(MiniGridAction.Toggle);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Toggle);

        Assert.Equal(((int)ObjectType.Key, (int)ObjectColor.Red, 0), level.Grid.Encode(3, 2));
        Assert.Null(level.Grid.Get(2, 3));
    }

    [Fact]
    public void The_step_limit_truncates_at_max_steps_and_not_before()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, FarBall, maxSteps: 5);

        var transitions = Enumerable.Range(0, 6).Select(_ => level.Step(MiniGridAction.Left)).ToList();

        Assert.Equal([false, false, false, false, true, true], transitions.Select(t => t.Truncated));
        Assert.All(transitions, t => Assert.False(t.Terminated));
        Assert.All(transitions, t => Assert.Equal(0, t.Reward));
    }

    [Fact]
    public void Success_pays_one_minus_nine_tenths_of_the_elapsed_share_of_the_step_limit()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Ball(ObjectColor.Red), 4, 2);
            return new GoToInstruction(new ObjectDescription(ObjectType.Ball, ObjectColor.Red));
        }, maxSteps: 64);

        var first = level.Step(MiniGridAction.Left);
        level.Step(MiniGridAction.Right);
        var last = level.Step(MiniGridAction.Forward);

        Assert.False(first.Terminated);
        Assert.True(last.Terminated);
        Assert.Equal(1 - (0.9 * (3.0 / 64)), last.Reward);
    }

    [Fact]
    public void Floor_can_be_walked_on_a_goal_ends_with_the_success_reward_and_lava_ends_with_none()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Floor(), 3, 2);
            l.Put(WorldObject.Goal(), 4, 2);
            l.Put(WorldObject.Lava(), 2, 3);
            return FarBall(l);
        });

        var onFloor = level.Step(MiniGridAction.Forward);
        var onGoal = level.Step(MiniGridAction.Forward);

        Assert.False(onFloor.Terminated);
        Assert.Equal(new GridPosition(4, 2), level.AgentPosition);
        Assert.True(onGoal.Terminated);
        Assert.Equal(1 - (0.9 * (2.0 / 100)), onGoal.Reward);

        level.Reset(0);
        level.Step(MiniGridAction.Right);
        var onLava = level.Step(MiniGridAction.Forward);

        Assert.True(onLava.Terminated);
        Assert.Equal(0, onLava.Reward);
        Assert.Equal(new GridPosition(2, 3), level.AgentPosition);
    }

    [Fact]
    public void Actions_outside_zero_to_six_are_refused()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, FarBall);

        Assert.Throws<ArgumentOutOfRangeException>(() => level.Step(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => level.Step(-1));
    }
}
