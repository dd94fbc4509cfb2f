using System.Collections.Concurrent;
using Jat.Schema.Columns;

namespace Jat.Collectors.Episodes;

/// <summary>
/// The per-step observation vectors of recorded episodes (BabyAI's 148 integers, MuJoCo's floats), handed back once
/// the shard writer has copied a row, and handed out again to the players.
/// </summary>
/// <remarks>
/// Episodes wait between the players and the writer for milliseconds, long enough for the garbage collector to copy
/// every step array it finds there from one generation to the next: on BabyAI, allocating them anew cost more than
/// writing them. Arrays are rented on the playing threads and returned on the writing one; the pool holds no more
/// than the episodes in flight between them. One collection's vectors all have the same length.
/// </remarks>
internal sealed class StepArrayPool
{
    private readonly ConcurrentQueue<long[]> _discrete = new();
    private readonly ConcurrentQueue<float[]> _continuous = new();

    public long[] RentDiscrete(int length) =>
        _discrete.TryDequeue(out var array) && array.Length == length ? array : new long[length];

    public float[] RentContinuous(int length) =>
        _continuous.TryDequeue(out var array) && array.Length == length ? array : new float[length];

    /// <summary>Takes back the observation vectors of a row that nothing reads any more.</summary>
    public void Return(Example row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var array in row.DiscreteObservations ?? [])
            _discrete.Enqueue(array);
        foreach (var array in row.ContinuousObservations ?? [])
            _continuous.Enqueue(array);
    }

    /// <summary>Takes back vectors recorded for an episode that was dropped.</summary>
    public void Return(IEnumerable<long[]> discrete, IEnumerable<float[]> continuous)
    {
        foreach (var array in discrete)
            _discrete.Enqueue(array);
        foreach (var array in continuous)
            _continuous.Enqueue(array);
    }
}
