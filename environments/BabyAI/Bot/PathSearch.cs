using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// The original bot's breadth-first search over seen cells, with its exact order: a FIFO queue of (cell, heading)
/// states, a cell settled the first time it is dequeued, the goal tested on every dequeued cell (seen or not), and
/// neighbours queued straight ahead first, then (dy, dx), (−dy, −dx), then behind. Walls and closed doors are never
/// crossed; objects only in the second pass, which restarts from every cell the first pass settled, in the order it
/// settled them, all heading +x. Buffers are reused, so a search allocates nothing.
/// </summary>
internal sealed class PathSearch
{
    private readonly KnownMap _map;
    private readonly Pass _plain;
    private readonly Pass _throughBlockers;
    private readonly int[] _queueX;
    private readonly int[] _queueY;
    private readonly int[] _queueDx;
    private readonly int[] _queueDy;
    private readonly int[] _queuePrevious;
    private readonly List<int> _path = [];

    public PathSearch(KnownMap map)
    {
        _map = map;
        var cells = map.Width * map.Height;
        _plain = new Pass(cells);
        _throughBlockers = new Pass(cells);
        // Every settled cell queues at most four states, after at most one initial state per cell.
        var capacity = 5 * cells;
        _queueX = new int[capacity];
        _queueY = new int[capacity];
        _queueDx = new int[capacity];
        _queueDy = new int[capacity];
        _queuePrevious = new int[capacity];
    }

    /// <summary>How many searches ran (the original's <c>bfs_counter</c>).</summary>
    public long Searches { get; private set; }

    /// <summary>
    /// The original's <c>_shortest_path</c>: a plain search from the agent; if it accepts nothing and
    /// <paramref name="tryWithBlockers"/>, a second search that may cross objects, whose path is prefixed with the
    /// plain search's path to the cell it started from.
    /// </summary>
    public PathResult ShortestPath<TGoal>(GridPosition agent, GridPosition heading, TGoal goal, bool tryWithBlockers = false)
        where TGoal : ISearchGoal
    {
        _plain.Clear();
        var count = 0;
        Enqueue(ref count, agent.X, agent.Y, heading.X, heading.Y, -1);
        var finish = Run(_plain, count, goal, ignoreBlockers: false);
        if (finish >= 0)
        {
            _path.Clear();
            AppendChain(_plain, finish);
            return Result(finish, withBlockers: false);
        }
        if (!tryWithBlockers)
        {
            return PathResult.NotFound(withBlockers: false);
        }
        _throughBlockers.Clear();
        count = 0;
        foreach (var cell in _plain.Settled)
        {
            Enqueue(ref count, cell % _map.Width, cell / _map.Width, 1, 0, -1);
        }
        finish = Run(_throughBlockers, count, goal, ignoreBlockers: true);
        if (finish < 0)
        {
            return PathResult.NotFound(withBlockers: true);
        }
        _path.Clear();
        AppendChain(_throughBlockers, finish);
        var joint = _path[^1];
        _path.RemoveAt(_path.Count - 1);
        AppendChain(_plain, joint);
        return Result(finish, withBlockers: true);
    }

    private PathResult Result(int finish, bool withBlockers)
    {
        // _path runs from the accepted cell back to the agent; the original reverses it and drops the agent's cell.
        var length = _path.Count - 1;
        var first = length > 0 ? Position(_path[^2]) : GridPosition.Nowhere;
        return new PathResult(true, length, first, Position(finish), withBlockers);
    }

    private void AppendChain(Pass pass, int cell)
    {
        for (var c = cell; c >= 0; c = pass.Previous[c])
        {
            _path.Add(c);
        }
    }

    private GridPosition Position(int cell) => new(cell % _map.Width, cell / _map.Width);

    private void Enqueue(ref int count, int x, int y, int dx, int dy, int previous)
    {
        _queueX[count] = x;
        _queueY[count] = y;
        _queueDx[count] = dx;
        _queueDy[count] = dy;
        _queuePrevious[count] = previous;
        count++;
    }

    /// <summary>One breadth-first pass over the queued states; returns the accepted cell or −1.</summary>
    private int Run<TGoal>(Pass pass, int count, TGoal goal, bool ignoreBlockers)
        where TGoal : ISearchGoal
    {
        Searches++;
        var width = _map.Width;
        for (var head = 0; head < count; head++)
        {
            var (x, y) = (_queueX[head], _queueY[head]);
            if ((uint)x < (uint)width && (uint)y < (uint)_map.Height && pass.IsSettled((y * width) + x))
            {
                continue;
            }
            // Outside the grid this read fails, as the original's Grid.get assertion does.
            var cell = _map.Get(x, y);
            var index = (y * width) + x;
            pass.Settle(index, _queuePrevious[head]);
            if (goal.Accepts(x, y, cell))
            {
                return index;
            }
            if (!_map.IsSeen(x, y))
            {
                continue;
            }
            if (cell is not null)
            {
                if (cell.Type == ObjectType.Wall)
                {
                    continue;
                }
                if (cell.Type == ObjectType.Door)
                {
                    if (!cell.IsOpen)
                    {
                        continue;
                    }
                }
                else if (!ignoreBlockers)
                {
                    continue;
                }
            }
            var (dx, dy) = (_queueDx[head], _queueDy[head]);
            Enqueue(ref count, x + dx, y + dy, dx, dy, index);
            Enqueue(ref count, x + dy, y + dx, dy, dx, index);
            Enqueue(ref count, x - dy, y - dx, -dy, -dx, index);
            Enqueue(ref count, x - dx, y - dy, -dx, -dy, index);
        }
        return -1;
    }

    /// <summary>The original's <c>previous_pos</c> dictionary: each settled cell's predecessor, in settling order.</summary>
    private sealed class Pass(int cells)
    {
        private readonly int[] _stamp = new int[cells];
        private readonly int[] _settled = new int[cells];
        private int _current;
        private int _settledCount;

        public int[] Previous { get; } = new int[cells];

        public ReadOnlySpan<int> Settled => _settled.AsSpan(0, _settledCount);

        public void Clear()
        {
            _current++;
            _settledCount = 0;
        }

        public bool IsSettled(int cell) => _stamp[cell] == _current;

        public void Settle(int cell, int previous)
        {
            _stamp[cell] = _current;
            Previous[cell] = previous;
            _settled[_settledCount++] = cell;
        }
    }
}
