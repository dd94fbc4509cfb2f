using System.Collections.Concurrent;
using Jat.Schema.Columns;

namespace Jat.Collectors.Episodes;

/// <summary>
/// The per-step observation vectors of recorded episodes (BabyAI's 148 integers, MuJoCo's floats), handed back a row
/// at a time once the shard writer has copied the row, and handed out again to the players' recorders.
/// </summary>
/// <remarks>
/// Episodes wait between the players and the writer for milliseconds, long enough for the garbage collector to copy
/// every step array it finds there from one generation to the next: on BabyAI, allocating them anew cost more than
/// writing them. Arrays travel between threads a row at a time (one queue operation per row, not per step); each
/// recorder takes a row's worth and hands them out locally. The pool holds no more than the episodes in flight. One
/// collection's vectors all have the same length.
/// </remarks>
internal sealed class StepArrayPool
{
    private readonly ConcurrentQueue<int[][]> _discrete = new();
    private readonly ConcurrentQueue<float[][]> _continuous = new();

    /// <summary>Takes back the observation vectors of a row that nothing reads any more.</summary>
    public void Return(Example row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.DiscreteObservations is { Count: > 0 } discrete)
            _discrete.Enqueue(discrete as int[][] ?? [.. discrete]);
        if (row.ContinuousObservations is { Count: > 0 } continuous)
            _continuous.Enqueue(continuous as float[][] ?? [.. continuous]);
    }

    /// <summary>A recorder's own supply, refilled a row at a time from the pool.</summary>
    public Local CreateLocal() => new(this);

    internal sealed class Local(StepArrayPool pool)
    {
        private readonly Stack<int[]> _discrete = new();
        private readonly Stack<float[]> _continuous = new();

        public int[] RentDiscrete(int length)
        {
            if (_discrete.Count == 0 && pool._discrete.TryDequeue(out var row))
                foreach (var array in row)
                    _discrete.Push(array);
            return _discrete.TryPop(out var rented) && rented.Length == length ? rented : new int[length];
        }

        public float[] RentContinuous(int length)
        {
            if (_continuous.Count == 0 && pool._continuous.TryDequeue(out var row))
                foreach (var array in row)
                    _continuous.Push(array);
            return _continuous.TryPop(out var rented) && rented.Length == length ? rented : new float[length];
        }

        /// <summary>Keeps the vectors of an episode that was dropped, for the next ones.</summary>
        public void Keep(List<int[]> discrete, List<float[]> continuous)
        {
            foreach (var array in discrete)
                _discrete.Push(array);
            foreach (var array in continuous)
                _continuous.Push(array);
        }
    }
}
