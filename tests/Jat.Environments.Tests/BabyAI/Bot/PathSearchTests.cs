using Jat.Environments.BabyAI.World;
using Jat.Environments.BabyAI.Bot;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>
/// The bot's breadth-first search on drawn rooms; the expected paths are what the original's <c>_shortest_path</c>
/// returns on the same rooms (its paths: first cell after the agent's, in order).
/// </summary>
public sealed class PathSearchTests
{
    private static readonly string[] OpenRoom =
        ["########", "#>.....#", "#......#", "#......#", "#......#", "#......#", "#......#", "########"];

    private static readonly string[] BallInTheGap =
        ["########", "#>..#..#", "###o####", "#......#", "#......#", "#......#", "#......#", "########"];

    [Fact]
    public void GoesStraightAheadBeforeTurning()
    {
        var level = ScriptedRoom.Create(OpenRoom);
        var search = new PathSearch(ScriptedRoom.Seen(level));

        var path = search.ShortestPath(level.AgentPosition, level.DirectionVector, new ReachCell(new GridPosition(3, 3)));

        // The original: [(2, 1), (3, 1), (3, 2), (3, 3)].
        Assert.True(path.Found);
        Assert.Equal(4, path.Length);
        Assert.Equal(new GridPosition(2, 1), path.First);
        Assert.False(path.WithBlockers);
    }

    [Fact]
    public void TriesTheMirroredHeadingBeforeItsOppositeAmongSideSteps()
    {
        // Facing up, (dy, dx) is the cell on the left and (−dy, −dx) the one on the right; the original's path to
        // (5, 5) is [(4, 4), (5, 4), (5, 5)], not through (3, 5), which is queued last.
        var level = ScriptedRoom.Create("########", "#......#", "#......#", "#......#", "#..^...#", "#......#", "#......#", "########");
        var search = new PathSearch(ScriptedRoom.Seen(level));

        var path = search.ShortestPath(level.AgentPosition, level.DirectionVector, new ReachCell(new GridPosition(5, 5)));

        Assert.Equal(3, path.Length);
        Assert.Equal(new GridPosition(4, 4), path.First);
    }

    [Fact]
    public void CrossesObjectsOnlyWhenAskedAndSaysSo()
    {
        var level = ScriptedRoom.Create(BallInTheGap);
        var search = new PathSearch(ScriptedRoom.Seen(level));
        var target = new ReachCell(new GridPosition(5, 5));

        var plain = search.ShortestPath(level.AgentPosition, level.DirectionVector, target);
        var throughBall = search.ShortestPath(level.AgentPosition, level.DirectionVector, target, tryWithBlockers: true);

        Assert.False(plain.Found);
        // The original: [(2, 1), (3, 1), (3, 2), (3, 3), (3, 4), (3, 5), (4, 5), (5, 5)], with blockers.
        Assert.True(throughBall.Found);
        Assert.True(throughBall.WithBlockers);
        Assert.Equal(8, throughBall.Length);
        Assert.Equal(new GridPosition(2, 1), throughBall.First);
        Assert.Equal(new GridPosition(5, 5), throughBall.Finish);
    }

    [Fact]
    public void NeverPlansThroughUnseenCellsButFindsTheNearestOne()
    {
        var level = ScriptedRoom.Create(BallInTheGap);
        var map = ScriptedRoom.Seen(level, toRow: 2);
        var search = new PathSearch(map);

        var beyond = search.ShortestPath(level.AgentPosition, level.DirectionVector, new ReachCell(new GridPosition(5, 5)), tryWithBlockers: true);
        var unseen = search.ShortestPath(level.AgentPosition, level.DirectionVector, new UnseenCell(map), tryWithBlockers: true);

        Assert.False(beyond.Found);
        Assert.True(unseen.Found);
        Assert.Equal(new GridPosition(3, 3), unseen.Finish);
        Assert.Equal(4, unseen.Length);
    }

    [Fact]
    public void DropPositionsKeepTheCellsAroundConnected()
    {
        // The agent faces a one-cell gap in a wall: dropping there would cut the room in two, so the original drops on
        // its left, or (that cell excepted) on its right; any empty cell would have been the gap itself.
        var level = ScriptedRoom.Create("########", "#......#", "#......#", "###.####", "#..^...#", "#......#", "#......#", "########");
        var map = ScriptedRoom.Seen(level);
        var search = new PathSearch(map);
        var agent = level.AgentPosition;

        var keepConnected = search.ShortestPath(agent, level.DirectionVector, new DropCell(map, agent, null, KeepAroundConnected: true));
        var except = search.ShortestPath(agent, level.DirectionVector, new DropCell(map, agent, new GridPosition(2, 4), KeepAroundConnected: true));
        var anyEmpty = search.ShortestPath(agent, level.DirectionVector, new DropCell(map, agent, null, KeepAroundConnected: false));

        Assert.Equal(new GridPosition(2, 4), keepConnected.Finish);
        Assert.Equal(new GridPosition(4, 4), except.Finish);
        Assert.Equal(new GridPosition(3, 3), anyEmpty.Finish);
    }
}
