namespace Jat.Environments.Acting;

/// <summary>
/// An actor's state for each slot of its batch (a random generator, a bot), set when the slot's episode begins and
/// read while it runs.
/// </summary>
public sealed class PerSlot<T>
    where T : class
{
    private readonly List<T?> _items = [];

    public void Begin(int slot, T item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        while (_items.Count <= slot)
            _items.Add(null);
        _items[slot] = item;
    }

    public T this[int slot] =>
        (slot < _items.Count ? _items[slot] : null) ?? throw new InvalidOperationException($"BeginEpisode was not called for slot {slot}.");
}
