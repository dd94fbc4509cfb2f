using Jat.Model.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Model.Processing;

/// <summary>
/// Stacks samples of one task into the network's inputs, as the trainer's collator does: every sample of a task has the
/// same length, so the batch is their values side by side. Tensors are made on <paramref name="device"/>.
/// </summary>
public static class SampleBatch
{
    public static ModelInputs Collate(IReadOnlyList<Sample> samples, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("A batch needs at least one sample.", nameof(samples));
        var task = samples[0].Task;
        if (samples.Any(s => s.Task != task))
            throw new ArgumentException($"A batch holds one task; these samples are of {string.Join(", ", samples.Select(s => s.Task).Distinct())}.", nameof(samples));
        return samples[0] switch
        {
            RlSample => CollateRl(samples.Cast<RlSample>().ToList(), device),
            TextSample => CollateText(samples.Cast<TextSample>().ToList(), device),
            _ => throw new ArgumentException($"Unknown sample {samples[0].GetType().Name}.", nameof(samples)),
        };
    }

    private static RlInputs CollateRl(IReadOnlyList<RlSample> samples, Device? device)
    {
        var (batch, steps) = (samples.Count, samples[0].Steps);
        if (samples.Any(s => s.Steps != steps))
            throw new ArgumentException("The samples of a batch must have the same number of steps.", nameof(samples));
        Observations observations = samples[0].Observations switch
        {
            FloatSteps f => new ContinuousObservations(Floats(samples.Select(s => s.Observations), [batch, steps, f.Width], device)),
            IdSteps i => new DiscreteObservations(Ids(samples.Select(s => s.Observations), [batch, steps, i.Width], device)),
            FrameSteps => new ImageObservations(Floats(samples.Select(s => s.Observations),
                [batch, steps, Images.FrameStackPlanes.Frames, Images.FrameStackPlanes.Size, Images.FrameStackPlanes.Size], device)),
            _ => throw new ArgumentException("Unknown observations."),
        };
        Actions actions = samples[0].Actions switch
        {
            FloatSteps f => new ContinuousActions(Floats(samples.Select(s => s.Actions), [batch, steps, f.Width], device)),
            IdSteps => new DiscreteActions(Ids(samples.Select(s => s.Actions), [batch, steps], device)),
            _ => throw new ArgumentException("Unknown actions."),
        };
        var rewards = Stack(samples.Select(s => s.Rewards), [batch, steps], device);
        var mask = Stack(samples.Select(s => s.AttentionMask), [batch, steps], device);
        var weights = new float[batch * steps];
        for (var b = 0; b < batch; b++)
            Array.Fill(weights, samples[b].LossWeight, b * steps, steps);
        return new RlInputs(observations, actions, rewards, mask, tensor(weights, [batch, steps], device: device));
    }

    private static TextInputs CollateText(IReadOnlyList<TextSample> samples, Device? device)
    {
        var (batch, length) = (samples.Count, samples[0].InputIds.Length);
        if (samples.Any(s => s.InputIds.Length != length || (s.PixelValues is null) != (samples[0].PixelValues is null)))
            throw new ArgumentException("The samples of a batch must have the same length and the same parts.", nameof(samples));
        var ids = Stack(samples.Select(s => s.InputIds), [batch, length], device);
        var mask = Stack(samples.Select(s => s.AttentionMask), [batch, length], device);
        Tensor? pixels = samples[0].PixelValues is null
            ? null
            : Stack(samples.Select(s => s.PixelValues!), [batch, Images.ClipImagePreprocessor.Channels, Images.ClipImagePreprocessor.Size, Images.ClipImagePreprocessor.Size], device);
        return new TextInputs(ids, pixels, mask);
    }

    private static Tensor Floats(IEnumerable<StepValues> parts, long[] shape, Device? device) =>
        Stack(parts.Select(p => p switch
        {
            FloatSteps f => f.Values,
            FrameSteps i => i.Values,
            _ => throw new ArgumentException("The samples of a batch must have the same kinds of values."),
        }), shape, device);

    private static Tensor Ids(IEnumerable<StepValues> parts, long[] shape, Device? device) =>
        Stack(parts.Select(p => p is IdSteps i ? i.Values : throw new ArgumentException("The samples of a batch must have the same kinds of values.")), shape, device);

    private static Tensor Stack<T>(IEnumerable<T[]> rows, long[] shape, Device? device) where T : unmanaged
    {
        var list = rows.ToList();
        var each = list[0].Length;
        var all = new T[list.Count * each];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Length != each)
                throw new ArgumentException("The samples of a batch must have the same shapes.");
            list[i].CopyTo(all, i * each);
        }
        return Tensor(all, shape, device);
    }

    private static Tensor Tensor<T>(T[] values, long[] shape, Device? device) where T : unmanaged => values switch
    {
        float[] f => tensor(f, shape, device: device),
        long[] l => tensor(l, shape, device: device),
        _ => throw new ArgumentException($"Unsupported element type {typeof(T).Name}."),
    };
}
