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
