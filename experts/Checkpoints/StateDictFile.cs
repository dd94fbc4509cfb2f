using Jat.Experts.Normalization;
using Jat.Torch;
using static TorchSharp.torch;

namespace Jat.Experts.Checkpoints;

/// <summary>
/// PyTorch <c>state_dict</c> files (<c>torch.save(model.state_dict(), "x.pt")</c>) for an expert's network, written and
/// read by <see cref="TensorFile"/>. The network's parameters keep their PyTorch-style names
/// (<c>actor_mean.0.weight</c>, …); the normalisation statistics travel beside them as float64 tensors
/// <c>obs_normalizer.{mean,var,count}</c> and <c>return_normalizer.{mean,var,count}</c>, so that <c>torch.load</c> in
/// Python sees everything needed to act.
/// </summary>
internal static class StateDictFile
{
    public const string ObservationPrefix = "obs_normalizer.";
    public const string ReturnPrefix = "return_normalizer.";

    public static void Export(Checkpoint checkpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var scope = NewDisposeScope();
        var dictionary = new Dictionary<string, Tensor>();
        foreach (var (name, value) in checkpoint.Network.state_dict())
        {
            dictionary[name] = value;
        }
        AddStatistics(dictionary, ObservationPrefix, checkpoint.Header.ObservationStatistics);
        AddStatistics(dictionary, ReturnPrefix, checkpoint.Header.ReturnStatistics);
        TensorFile.SavePyTorch(path, dictionary);
    }

    /// <summary>
    /// Builds an expert from a state-dict file: <paramref name="header"/> says which network and settings (the file
    /// holds only tensors); statistics found in the file replace the header's. Every parameter of the network must be
    /// in the file with its shape.
    /// </summary>
    public static Checkpoint Import(CheckpointHeader header, string path)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var tensors = TensorFile.LoadPyTorch(path);
        try
        {
            var observation = TakeStatistics(tensors, ObservationPrefix) ?? header.ObservationStatistics;
            var returns = TakeStatistics(tensors, ReturnPrefix) ?? header.ReturnStatistics;
            var network = PolicyNetworks.Create(header);
            try
            {
                var expected = network.state_dict();
                var missing = expected.Keys.Where(name => !tensors.ContainsKey(name)).ToList();
                var unexpected = tensors.Keys.Where(name => !expected.ContainsKey(name)).ToList();
                var misshapen = expected
                    .Where(p => tensors.TryGetValue(p.Key, out var found) && !found.shape.SequenceEqual(p.Value.shape))
                    .Select(p => $"{p.Key} [{string.Join(",", tensors[p.Key].shape)}] instead of [{string.Join(",", p.Value.shape)}]")
                    .ToList();
                if (missing.Count > 0 || unexpected.Count > 0 || misshapen.Count > 0)
                {
                    throw new InvalidDataException(
                        $"{path} does not fit the {header.Algorithm} network: missing [{string.Join(", ", missing)}], " +
                        $"unexpected [{string.Join(", ", unexpected)}], other shapes [{string.Join("; ", misshapen)}].");
                }
                network.load_state_dict(tensors, strict: true);
            }
            catch
            {
                network.Dispose();
                throw;
            }
            return new Checkpoint(header with { ObservationStatistics = observation, ReturnStatistics = returns }, network);
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static void AddStatistics(Dictionary<string, Tensor> dictionary, string prefix, StatisticsSnapshot? statistics)
    {
        if (statistics is null)
        {
            return;
        }
        dictionary[prefix + "mean"] = tensor(statistics.Mean, ScalarType.Float64);
        dictionary[prefix + "var"] = tensor(statistics.Variance, ScalarType.Float64);
        dictionary[prefix + "count"] = tensor(statistics.Count, ScalarType.Float64);
    }

    private static StatisticsSnapshot? TakeStatistics(Dictionary<string, Tensor> tensors, string prefix)
    {
        if (!tensors.Remove(prefix + "mean", out var mean))
        {
            return null;
        }
        if (!tensors.Remove(prefix + "var", out var variance) || !tensors.Remove(prefix + "count", out var count))
        {
            mean.Dispose();
            throw new InvalidDataException($"'{prefix}mean' needs '{prefix}var' and '{prefix}count' beside it.");
        }
        using (mean)
        using (variance)
        using (count)
        {
            return new StatisticsSnapshot(
                count.to_type(ScalarType.Float64).item<double>(),
                mean.to_type(ScalarType.Float64).data<double>().ToArray(),
                variance.to_type(ScalarType.Float64).data<double>().ToArray());
        }
    }
}
