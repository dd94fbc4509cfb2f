using static TorchSharp.torch;

namespace Jat.Model.Network.Transformer;

/// <summary>
/// Each layer's keys and values of the positions seen so far, (batch, heads, positions, head size), so that a step of
/// inference only runs the new positions. GPT-Neo numbers the new positions after the cached ones, so the cache's
/// length is also where the learned positions continue.
/// </summary>
public sealed class KeyValueCache : IDisposable
{
    private readonly (Tensor Keys, Tensor Values)?[] _layers;

    public KeyValueCache(int layers) => _layers = new (Tensor, Tensor)?[layers];

    /// <summary>The cached positions (0 before the first call).</summary>
    public long Length => _layers[0]?.Keys.shape[2] ?? 0;

    internal (Tensor Keys, Tensor Values)? this[int layer] => _layers[layer];

    internal void Set(int layer, Tensor keys, Tensor values)
    {
        var old = _layers[layer];
        _layers[layer] = (keys.DetachFromDisposeScope(), values.DetachFromDisposeScope());
        if (old is { } o && !ReferenceEquals(o.Keys, keys))
        {
            o.Keys.Dispose();
            o.Values.Dispose();
        }
    }

    /// <summary>Keeps positions <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive) of every layer.</summary>
    public void Keep(long start, long end)
    {
        for (var i = 0; i < _layers.Length; i++)
        {
            if (_layers[i] is not { } layer)
                continue;
            var length = layer.Keys.shape[2];
            var s = Math.Clamp(start, 0, length);
            var e = Math.Clamp(end, s, length);
            if (s == 0 && e == length)
                continue;
            var keys = layer.Keys.narrow(2, s, e - s).contiguous();
            var values = layer.Values.narrow(2, s, e - s).contiguous();
            Set(i, keys, values);
        }
    }

    /// <summary>
    /// get_next_action's rule after each call: keep the last <c>max_position_embeddings − 2</c> positions, drop the last
    /// two (the new observation and its placeholder action, fed again with the real action next call), then keep the
    /// last <paramref name="contextWindow"/> positions when one is given.
    /// </summary>
    public void TrimAfterStep(int maxPositions, int? contextWindow)
    {
        var length = Length;
        var start = Math.Max(0, length - (maxPositions - 2));
        var end = length - 2;
        if (contextWindow is { } window)
            start = Math.Max(start, end - window);
        if (end <= start)
            Clear();
        else
            Keep(start, end);
    }

    /// <summary>A copy that goes on independently (the same positions, its own tensors).</summary>
    public KeyValueCache Clone()
    {
        var copy = new KeyValueCache(_layers.Length);
        for (var i = 0; i < _layers.Length; i++)
            if (_layers[i] is { } layer)
                copy.Set(i, layer.Keys.clone(), layer.Values.clone());
        return copy;
    }

    public void Clear()
    {
        for (var i = 0; i < _layers.Length; i++)
        {
            if (_layers[i] is { } layer)
            {
                layer.Keys.Dispose();
                layer.Values.Dispose();
            }
            _layers[i] = null;
        }
    }

    public void Dispose() => Clear();
}
