using static TorchSharp.torch;

namespace Jat.Experts.Dqn;

/// <summary>
/// The last <c>capacity</c> transitions in a ring: observation (float vector and/or frame bytes), action, n-step
/// return, discount (γⁿ, or 0 after a terminal state) and the observation to bootstrap from.
/// </summary>
internal sealed class ReplayBuffer
{
    private readonly int _vectorSize;
    private readonly int _imageSize;
    private readonly float[] _vectors;
    private readonly float[] _nextVectors;
    private readonly byte[] _images;
    private readonly byte[] _nextImages;
    private readonly long[] _actions;
    private readonly float[] _returns;
    private readonly float[] _discounts;
    private int _next;

    public ReplayBuffer(int capacity, int vectorSize, int imageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _vectorSize = vectorSize;
        _imageSize = imageSize;
        _vectors = new float[capacity * vectorSize];
        _nextVectors = new float[capacity * vectorSize];
        _images = new byte[(long)capacity * imageSize];
        _nextImages = new byte[(long)capacity * imageSize];
        _actions = new long[capacity];
        _returns = new float[capacity];
        _discounts = new float[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public void Add(
        ReadOnlySpan<float> vector, ReadOnlySpan<byte> image, int action, double nStepReturn, double discount,
        ReadOnlySpan<float> nextVector, ReadOnlySpan<byte> nextImage)
    {
        var i = _next;
        vector.CopyTo(_vectors.AsSpan(i * _vectorSize, _vectorSize));
        nextVector.CopyTo(_nextVectors.AsSpan(i * _vectorSize, _vectorSize));
        image.CopyTo(_images.AsSpan(i * _imageSize, _imageSize));
        nextImage.CopyTo(_nextImages.AsSpan(i * _imageSize, _imageSize));
        _actions[i] = action;
        _returns[i] = (float)nStepReturn;
        _discounts[i] = (float)discount;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>A uniform draw of <paramref name="size"/> stored transitions (with replacement) as tensors.</summary>
    public ReplayBatch Sample(int size, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Count == 0)
        {
            throw new InvalidOperationException("The replay buffer is empty.");
        }
        var picks = new int[size];
        for (var k = 0; k < size; k++)
        {
            picks[k] = random.Next(Count);
        }
        return Gather(picks);
    }

    /// <summary>The stored transitions at <paramref name="indices"/> (in insertion slots), as tensors.</summary>
    public ReplayBatch Gather(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = indices.Count;
        var vectors = new float[size * _vectorSize];
        var nextVectors = new float[size * _vectorSize];
        var images = new byte[size * _imageSize];
        var nextImages = new byte[size * _imageSize];
        var actions = new long[size];
        var returns = new float[size];
        var discounts = new float[size];
        for (var k = 0; k < size; k++)
        {
            var i = indices[k];
            _vectors.AsSpan(i * _vectorSize, _vectorSize).CopyTo(vectors.AsSpan(k * _vectorSize));
            _nextVectors.AsSpan(i * _vectorSize, _vectorSize).CopyTo(nextVectors.AsSpan(k * _vectorSize));
            _images.AsSpan(i * _imageSize, _imageSize).CopyTo(images.AsSpan(k * _imageSize));
            _nextImages.AsSpan(i * _imageSize, _imageSize).CopyTo(nextImages.AsSpan(k * _imageSize));
            actions[k] = _actions[i];
            returns[k] = _returns[i];
            discounts[k] = _discounts[i];
        }
        return new ReplayBatch(
            tensor(vectors, [size, _vectorSize]), tensor(images, [size, _imageSize]), tensor(actions),
            tensor(returns), tensor(discounts), tensor(nextVectors, [size, _vectorSize]), tensor(nextImages, [size, _imageSize]));
    }
}
