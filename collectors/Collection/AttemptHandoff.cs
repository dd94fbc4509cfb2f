using System.Collections.Concurrent;

namespace Jat.Collectors.Collection;

/// <summary>
/// Played attempts, handed from the threads that play them to the one that writes them, in attempt order.
/// <para>
/// Short episodes (a BabyAI level solved in five steps) take tens of microseconds; waking the writer for each one, or
/// parking a player on a semaphore per attempt, would cost as much as playing it. So the common paths take no lock:
/// players drop attempts into a dictionary and only signal when the writer is asleep waiting for one of them, and the
/// writer only sleeps when it has drained every attempt ready in order. Players run at most <c>capacity</c> attempts
/// ahead of the writer, which bounds memory however long the collection.
/// </para>
/// </summary>
internal sealed class AttemptHandoff<T>(long firstAttempt, int capacity) : IDisposable
    where T : class
{
    private readonly ConcurrentDictionary<long, T> _ready = new();
    private readonly ManualResetEventSlim _arrived = new(false);
    private readonly ManualResetEventSlim _room = new(false);
    private long _next = firstAttempt - 1;
    private long _taken = firstAttempt;
    private long _awaited = long.MaxValue;
    private int _playersWaiting;

    /// <summary>Claims the next attempt to play, once it is within <c>capacity</c> of the writer.</summary>
    public long Claim(CancellationToken cancel)
    {
        var attempt = Interlocked.Increment(ref _next);
        while (attempt - Volatile.Read(ref _taken) >= capacity)
        {
            Interlocked.Increment(ref _playersWaiting);
            _room.Reset();
            if (attempt - Volatile.Read(ref _taken) >= capacity)
            {
                _room.Wait(TimeSpan.FromMilliseconds(20), cancel);
            }
            Interlocked.Decrement(ref _playersWaiting);
            cancel.ThrowIfCancellationRequested();
        }
        return attempt;
    }

    /// <summary>Hands a played attempt over; wakes the writer if it sleeps waiting for this one or an earlier one.</summary>
    public void Put(long attempt, T played)
    {
        _ready[attempt] = played;
        if (attempt >= Interlocked.Read(ref _awaited))
        {
            _arrived.Set();
        }
    }

    /// <summary>
    /// The played attempt <paramref name="attempt"/> (the writer asks for 0, 1, 2… in order). While it is not ready the
    /// writer sleeps until an attempt at or past <paramref name="wakeAt"/> arrives, so that one wake-up hands over
    /// several; <paramref name="check"/> runs between waits (to surface a player's failure).
    /// </summary>
    public T Take(long attempt, long wakeAt, Action check, CancellationToken cancel)
    {
        T? played;
        while (!_ready.TryRemove(attempt, out played))
        {
            _arrived.Reset();
            Interlocked.Exchange(ref _awaited, Math.Max(attempt, wakeAt));
            if (!_ready.ContainsKey(attempt))
            {
                _arrived.Wait(TimeSpan.FromMilliseconds(50), cancel);
            }
            Interlocked.Exchange(ref _awaited, long.MaxValue);
            check();
        }
        Volatile.Write(ref _taken, attempt + 1);
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
