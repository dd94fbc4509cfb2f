namespace Jat.Schema.Shards;

/// <summary>An append-only buffer that is reused from one row group to the next.</summary>
internal sealed class Growable<T>
{
    private T[] _items = new T[256];

    public int Count { get; private set; }

    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        Reserve(items.Length);
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public void AddRepeated(T item, int count)
    {
        Reserve(count);
        _items.AsSpan(Count, count).Fill(item);
        Count += count;
    }

    /// <summary>Drops the items but keeps the memory, unless it grew far beyond what a row group needs.</summary>
    public void Clear()
    {
        if (_items.Length > 1 << 24)
            _items = new T[256];
        Count = 0;
    }

    private void Reserve(int extra)
    {
        if (Count + extra <= _items.Length)
            return;
        var size = _items.Length;
        while (size < Count + extra)
            size *= 2;
        Array.Resize(ref _items, size);
    }
}
