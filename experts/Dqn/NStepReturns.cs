namespace Jat.Experts.Dqn;

/// <summary>
/// Turns each copy's stream of steps into n-step transitions for the replay buffer: once n steps are queued the oldest
/// leaves with <c>R = Σ_k γ^k r_k</c> and discount γⁿ; when an episode ends every queued step leaves with the rewards
/// up to the end, discount 0 after a terminal state, or γ^(steps left) and the final observation after a time-limit cut.
/// </summary>
internal sealed class NStepReturns
{
    private readonly int _n;
    private readonly double _gamma;
    private readonly Queue[] _queues;

    public NStepReturns(int copies, int n, double gamma, int vectorSize, int imageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _n = n;
        _gamma = gamma;
        _queues = [.. Enumerable.Range(0, copies).Select(_ => new Queue(n, vectorSize, imageSize))];
    }

    /// <summary>
    /// Records that copy <paramref name="copy"/> took <paramref name="action"/> from the observation
    /// (<paramref name="vector"/>, <paramref name="image"/>), received <paramref name="reward"/> and arrived at
    /// (<paramref name="nextVector"/>, <paramref name="nextImage"/>) — the final observation if the episode ended.
    /// </summary>
    public void Add(
        int copy, ReadOnlySpan<float> vector, ReadOnlySpan<byte> image, int action, double reward, bool terminated, bool truncated,
        ReadOnlySpan<float> nextVector, ReadOnlySpan<byte> nextImage, ReplayBuffer into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var queue = _queues[copy];
        queue.Push(vector, image, action, reward);
        if (queue.Count == _n)
        {
            Emit(queue, terminated, nextVector, nextImage, into);
        }
        if (terminated || truncated)
        {
            while (queue.Count > 0)
            {
                Emit(queue, terminated, nextVector, nextImage, into);
            }
        }
    }

    private void Emit(Queue queue, bool terminated, ReadOnlySpan<float> nextVector, ReadOnlySpan<byte> nextImage, ReplayBuffer into)
    {
        double total = 0;
        double discount = 1;
        for (var k = 0; k < queue.Count; k++)
        {
            total += discount * queue.Reward(k);
            discount *= _gamma;
        }
        into.Add(
            queue.Vector(0), queue.Image(0), queue.Action(0), total, terminated ? 0 : discount, nextVector, nextImage);
        queue.Pop();
    }

    /// <summary>A ring of at most n queued steps of one copy.</summary>
    private sealed class Queue(int n, int vectorSize, int imageSize)
    {
        private readonly float[] _vectors = new float[n * vectorSize];
        private readonly byte[] _images = new byte[n * imageSize];
        private readonly int[] _actions = new int[n];
        private readonly double[] _rewards = new double[n];
        private int _first;

        public int Count { get; private set; }

        public void Push(ReadOnlySpan<float> vector, ReadOnlySpan<byte> image, int action, double reward)
        {
            var slot = (_first + Count) % n;
            vector.CopyTo(_vectors.AsSpan(slot * vectorSize, vectorSize));
            image.CopyTo(_images.AsSpan(slot * imageSize, imageSize));
            _actions[slot] = action;
            _rewards[slot] = reward;
            Count++;
        }

        public void Pop()
        {
            _first = (_first + 1) % n;
            Count--;
        }

        public ReadOnlySpan<float> Vector(int k) => _vectors.AsSpan((_first + k) % n * vectorSize, vectorSize);

        public ReadOnlySpan<byte> Image(int k) => _images.AsSpan((_first + k) % n * imageSize, imageSize);

        public int Action(int k) => _actions[(_first + k) % n];

        public double Reward(int k) => _rewards[(_first + k) % n];
    }
}
