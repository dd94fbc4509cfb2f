namespace Jat.Collectors.Collection;

/// <summary>
/// Played batches of attempts, handed from the threads that play them to the one that writes them, in order.
/// <para>
/// Short episodes (a BabyAI level solved in five steps) take tens of microseconds; waking the writer for each one, or
/// parking a player on a semaphore per batch, would cost as much as playing it. So the common paths take no lock:
/// players drop batches into a ring of slots and only signal when the writer is asleep waiting for one of them, and the
/// writer only sleeps when it has drained every batch ready in order. Players run at most <c>capacity</c> batches
/// ahead of the writer, which bounds memory however long the collection, and never past the last batch the writer
/// says it may need (<see cref="Need"/>), so that little is played for nothing at the end of a shard.
/// </para>
/// </summary>
internal sealed class BatchHandoff<T>(long firstBatch, int capacity, long lastNeeded) : IDisposable
    where T : class
{
    // Batch b waits in slot b mod capacity: a player only plays b once b − capacity was taken, so its slot is free.
    private readonly T?[] _ready = new T?[capacity];
    // No spinning before sleeping: with as many players as cores, a waiter that spins takes the CPU from the very
    // thread it waits for (measured: the writer spent most of its CPU spinning here on two cores).
    private readonly ManualResetEventSlim _arrived = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _room = new(false, spinCount: 0);
    private long _next = firstBatch - 1;
    private long _taken = firstBatch;
    private long _awaited = long.MaxValue;
    private int _playersWaiting;
    private long _lastNeeded = lastNeeded;

    /// <summary>Claims the next batch to play, once it is within <c>capacity</c> of the writer and needed.</summary>
    public long Claim(CancellationToken cancel)
    {
        var batch = Interlocked.Increment(ref _next);
        while (MustWait(batch))
        {
            Interlocked.Increment(ref _playersWaiting);
            _room.Reset();
            if (MustWait(batch))
            {
                _room.Wait(TimeSpan.FromMilliseconds(20), cancel);
            }
            Interlocked.Decrement(ref _playersWaiting);
            cancel.ThrowIfCancellationRequested();
        }
        return batch;
    }

    /// <summary>Raises the last batch the writer may need (it found episodes to discard, so needs more attempts).</summary>
    public void Need(long lastNeeded)
    {
        if (lastNeeded > Interlocked.Read(ref _lastNeeded))
        {
            Interlocked.Exchange(ref _lastNeeded, lastNeeded);
            _room.Set();
        }
    }

    private bool MustWait(long batch) =>
        batch - Volatile.Read(ref _taken) >= capacity || batch > Interlocked.Read(ref _lastNeeded);

    /// <summary>Hands a played batch over; wakes the writer if it sleeps waiting for this one or an earlier one.</summary>
    public void Put(long batch, T played)
    {
        Volatile.Write(ref _ready[batch % capacity], played);
        if (batch >= Interlocked.Read(ref _awaited))
        {
            _arrived.Set();
        }
    }

    /// <summary>
    /// The played batch <paramref name="batch"/> (the writer asks for 0, 1, 2… in order). While it is not ready the
    /// writer sleeps until a batch at or past <paramref name="wakeAt"/> arrives, so that one wake-up hands over
    /// several; <paramref name="check"/> runs between waits (to surface a player's failure).
    /// </summary>
    public T Take(long batch, long wakeAt, Action check, CancellationToken cancel)
    {
        ref var slot = ref _ready[batch % capacity];
        T? played;
        while ((played = Volatile.Read(ref slot)) is null)
        {
            _arrived.Reset();
            Interlocked.Exchange(ref _awaited, Math.Max(batch, wakeAt));
            if (Volatile.Read(ref slot) is null)
            {
                _arrived.Wait(TimeSpan.FromMilliseconds(50), cancel);
            }
            Interlocked.Exchange(ref _awaited, long.MaxValue);
            check();
        }
        Volatile.Write(ref slot, null);
        Volatile.Write(ref _taken, batch + 1);
        if (Volatile.Read(ref _playersWaiting) > 0)
        {
            _room.Set();
        }
        return played;
    }

    public void Dispose()
    {
        _arrived.Dispose();
        _room.Dispose();
    }
}
