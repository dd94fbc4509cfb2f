using Jat.Environments.BabyAI.Language;
using Jat.Environments.BabyAI.World;

namespace Jat.Environments.Tests.BabyAI;

/// <summary>The BabyAI language: how instructions are worded and when the verifier says they are done.</summary>
public sealed class LanguageTests
{
    [Fact]
    public void A_description_says_the_for_a_unique_match_and_a_otherwise()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Ball(ObjectColor.Red), 5, 5);
            l.Put(WorldObject.Key(ObjectColor.Blue), 5, 4);
            l.Put(WorldObject.Key(ObjectColor.Yellow), 4, 4);
            return new GoToInstruction(new ObjectDescription(ObjectType.Ball, ObjectColor.Red));
        });

        Assert.Equal("go to the red ball", level.Mission);
        Assert.Equal("go to the red ball", level.Observation.Text);
        Assert.Equal("pick up a key", new PickupInstruction(new ObjectDescription(ObjectType.Key)).Surface(level));
        Assert.Equal("pick up the yellow object", new PickupInstruction(new ObjectDescription(null, ObjectColor.Yellow)).Surface(level));
    }

    [Fact]
    public void Locations_are_relative_to_the_agent_and_worded_as_minigrid_words_them()
    {
        // The agent faces right (+x): its left is −y, its front +x.
        var level = ScriptedLevel.OneRoom(new GridPosition(3, 3), 0, l =>
        {
            l.Put(WorldObject.Ball(ObjectColor.Red), 3, 1);
            l.Put(WorldObject.Ball(ObjectColor.Green), 5, 3);
            l.Put(WorldObject.Ball(ObjectColor.Blue), 1, 5);
            return new GoToInstruction(new ObjectDescription(ObjectType.Ball, location: ObjectLocation.Left));
        });

        Assert.Equal("go to the ball on your left", level.Mission);
        var front = new ObjectDescription(ObjectType.Ball, location: ObjectLocation.Front);
        Assert.Equal("the ball in front of you", front.Surface(level));
        Assert.Equal([ObjectColor.Green], front.Objects.Select(o => o.Color));
        var behind = new ObjectDescription(ObjectType.Ball, location: ObjectLocation.Behind);
        Assert.Equal("the ball behind you", behind.Surface(level));
        Assert.Equal("the ball on your right", new ObjectDescription(ObjectType.Ball, location: ObjectLocation.Right).Surface(level));
        Assert.Equal([ObjectColor.Blue], behind.Objects.Select(o => o.Color));
    }

    [Fact]
    public void Go_to_succeeds_on_any_action_that_leaves_the_agent_facing_the_object()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 1, l =>
        {
            l.Put(WorldObject.Key(ObjectColor.Purple), 3, 2);
            return new GoToInstruction(new ObjectDescription(ObjectType.Key, ObjectColor.Purple));
        });

        var away = level.Step(MiniGridAction.Done);
        var facing = level.Step(MiniGridAction.Left);

        Assert.False(away.Terminated);
        Assert.True(facing.Terminated);
        Assert.Equal(1 - (0.9 * (2.0 / 100)), facing.Reward);
    }

    [Fact]
    public void Go_to_aims_at_where_the_object_was_until_a_drop_refreshes_positions()
    {
        WorldObject ball = null!;
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 1, l =>
        {
            ball = l.Put(WorldObject.Ball(ObjectColor.Red), 2, 4);
            return new GoToInstruction(new ObjectDescription(ObjectType.Ball, ObjectColor.Red));
        });

        level.Step(MiniGridAction.Forward);
        level.Step(MiniGridAction.Pickup);
        level.Step(MiniGridAction.Right);
        level.Step(MiniGridAction.Right);
        var turnedAway = level.Step(MiniGridAction.Left);
        Assert.False(turnedAway.Terminated);
        var facingTheOldCell = level.Step(MiniGridAction.Left);

        Assert.True(facingTheOldCell.Terminated);
        Assert.Same(ball, level.Carrying);
    }

    [Fact]
    public void Pick_up_succeeds_only_for_a_matching_object_taken_into_empty_hands()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Ball(ObjectColor.Green), 3, 2);
            l.Put(WorldObject.Ball(ObjectColor.Red), 2, 3);
            return new PickupInstruction(new ObjectDescription(ObjectType.Ball, ObjectColor.Red));
        });

        Assert.False(level.Step(MiniGridAction.Pickup).Terminated);
        level.Step(MiniGridAction.Drop);
        level.Step(MiniGridAction.Right);
        var transition = level.Step(MiniGridAction.Pickup);

        Assert.True(transition.Terminated);
        Assert.True(transition.Reward > 0);
    }

    [Fact]
    public void Put_next_to_succeeds_when_the_object_is_dropped_beside_the_other()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Key(ObjectColor.Blue), 3, 2);
            l.Put(WorldObject.Box(ObjectColor.Red), 2, 5);
            return new PutNextInstruction(
                new ObjectDescription(ObjectType.Key, ObjectColor.Blue), new ObjectDescription(ObjectType.Box, ObjectColor.Red));
        });
        Assert.Equal("put the blue key next to the red box", level.Mission);

        level.Step(MiniGridAction.Pickup);
        level.Step(MiniGridAction.Right);
        var awayFromTheBox = level.Step(MiniGridAction.Drop);
        Assert.False(awayFromTheBox.Terminated);
        level.Step(MiniGridAction.Pickup);
        level.Step(MiniGridAction.Forward);
        var besideTheBox = level.Step(MiniGridAction.Drop);

        Assert.True(besideTheBox.Terminated);
        Assert.Equal(1 - (0.9 * (6.0 / 100)), besideTheBox.Reward);
    }

    [Fact]
    public void Then_requires_the_first_part_before_the_second()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Door(ObjectColor.Red), 3, 2);
            l.Put(WorldObject.Key(ObjectColor.Blue), 2, 3);
            return new BeforeInstruction(
                new OpenInstruction(new ObjectDescription(ObjectType.Door, ObjectColor.Red)),
                new PickupInstruction(new ObjectDescription(ObjectType.Key, ObjectColor.Blue)));
        });
        Assert.Equal("open the red door, then pick up the blue key", level.Mission);

        level.Step(MiniGridAction.Right);
        Assert.False(level.Step(MiniGridAction.Pickup).Terminated);
        level.Step(MiniGridAction.Drop);
        level.Step(MiniGridAction.Left);
        Assert.False(level.Step(MiniGridAction.Toggle).Terminated);
        level.Step(MiniGridAction.Right);

        Assert.True(level.Step(MiniGridAction.Pickup).Terminated);
    }

    [Fact]
    public void After_you_requires_the_second_part_first()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Door(ObjectColor.Red), 3, 2);
            l.Put(WorldObject.Key(ObjectColor.Blue), 2, 3);
            return new AfterInstruction(
                new OpenInstruction(new ObjectDescription(ObjectType.Door, ObjectColor.Red)),
                new PickupInstruction(new ObjectDescription(ObjectType.Key, ObjectColor.Blue)));
        });
        Assert.Equal("open the red door after you pick up the blue key", level.Mission);

        Assert.False(level.Step(MiniGridAction.Toggle).Terminated);
        Assert.False(level.Step(MiniGridAction.Toggle).Terminated);
        level.Step(MiniGridAction.Right);
        Assert.False(level.Step(MiniGridAction.Pickup).Terminated);
        level.Step(MiniGridAction.Left);

        Assert.True(level.Step(MiniGridAction.Toggle).Terminated);
    }

    [Fact]
    public void And_accepts_both_parts_in_either_order()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Door(ObjectColor.Red), 3, 2);
            l.Put(WorldObject.Ball(ObjectColor.Grey), 2, 4);
            return new AndInstruction(
                new OpenInstruction(new ObjectDescription(ObjectType.Door, ObjectColor.Red)),
                new GoToInstruction(new ObjectDescription(ObjectType.Ball)));
        });
        Assert.Equal("open the red door and go to the ball", level.Mission);

        level.Step(MiniGridAction.Right);
        Assert.False(level.Step(MiniGridAction.Forward).Terminated);
        level.Step(MiniGridAction.Left);
        level.Step(MiniGridAction.Left);
        level.Step(MiniGridAction.Forward);
        level.Step(MiniGridAction.Right);

        var transition = level.Step(MiniGridAction.Toggle);

        Assert.True(transition.Terminated);
        Assert.Equal(VerifierStatus.Success, ((AndInstruction)level.Instructions).SecondStatus);
    }

    [Fact]
    public void Strict_open_fails_on_the_wrong_door()
    {
        var level = ScriptedLevel.OneRoom(new GridPosition(2, 2), 0, l =>
        {
            l.Put(WorldObject.Door(ObjectColor.Red), 3, 2);
            l.Put(WorldObject.Door(ObjectColor.Blue), 2, 3);
            return new OpenInstruction(new ObjectDescription(ObjectType.Door, ObjectColor.Blue), strict: true);
        });

        var transition = level.Step(MiniGridAction.Toggle);

        Assert.True(transition.Terminated);
        Assert.Equal(0, transition.Reward);
    }

    [Fact]
    public void Navigations_needed_count_put_next_twice_and_add_up_in_sequences()
    {
        var go = new GoToInstruction(new ObjectDescription(ObjectType.Ball));
        var put = new PutNextInstruction(new ObjectDescription(ObjectType.Key), new ObjectDescription(ObjectType.Ball));

        Assert.Equal(1, go.NavigationsNeeded);
        Assert.Equal(2, put.NavigationsNeeded);
        Assert.Equal(3, new AndInstruction(go, put).NavigationsNeeded);
        Assert.Equal(5, new BeforeInstruction(new AndInstruction(go, put), put).NavigationsNeeded);
    }
}
